//! Integration tests: the real `sachhon` binary on small fixture sites under `tests/fixtures/`.

mod support;

mod bad_input;
mod core;
mod editor;
mod faults;
mod guide;
mod hostile;
mod imported;
mod knowledge;
mod language;
mod mistakes;
mod output;
mod reader;
mod urls;
mod usage;
mod web_editor;
mod wild;
