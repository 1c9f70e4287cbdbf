//! The preview's HTTP/1.1 front: bounded request heads, GET and HEAD (and POST to the web
//! editor's API, with a bounded body), a fixed pool of workers and a cap on open connections.
//! Each answer closes its connection.
//!
//! Request heads are parsed by `httparse` (hyper's parser). The limits hold against hostile
//! clients on the network: one endless header line, thousands of idle sockets, other methods.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest request line (method, path, version).
pub const MAX_LINE: usize = 8 * 1024;
/// The largest request head (request line and headers).
pub const MAX_HEAD: usize = 64 * 1024;
/// The most headers in one request.
pub const MAX_HEADERS: usize = 100;
/// Connections open at once (queued or being answered); more are refused with 503.
pub const MAX_CONNECTIONS: usize = 256;
/// Threads answering requests.
const WORKERS: usize = 8;
/// How long a client may take to send its request head.
const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// How long a client may take to send a request body (a photo uploaded through the editor).
const BODY_DEADLINE: Duration = Duration::from_secs(60);
/// The largest request body: the web editor's saves, photos included (base64).
pub const MAX_BODY: usize = 32 * 1024 * 1024;
/// The size of the reads of a request head (a body is read in larger ones).
const HEAD_CHUNK: usize = 4096;
/// The one path that takes POST requests: the web editor's API.
pub const API_PATH: &str = "/api/v1";

/// One request: its method, URL and the headers the server looks at, already checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    /// `GET`, `HEAD`, or `POST` (to [`API_PATH`] only).
    pub method: String,
    /// The request target (`/news/?page=2`).
    pub url: String,
    /// The `Host` header.
    pub host: Option<String>,
    /// The `Origin` header (sent by browsers with every POST).
    pub origin: Option<String>,
    /// The body of a POST.
    pub body: Vec<u8>,
}

/// An answer: status, headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Header names and values.
    pub headers: Vec<(&'static str, String)>,
    /// The body (not sent for `HEAD`).
    pub body: Vec<u8>,
}

impl Response {
    /// A plain-text answer.
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Why a request head was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not HTTP, or cut short.
    Malformed,
    /// 414: the request line is longer than [`MAX_LINE`].
    LineTooLong,
    /// 431: the head is larger than [`MAX_HEAD`] or has more than [`MAX_HEADERS`] headers.
    HeadersTooLarge,
    /// 405: a method other than GET and HEAD (or POST to the API).
    Method,
    /// 413: a body larger than [`MAX_BODY`].
    BodyTooLarge,
}

impl Refusal {
    fn response(self) -> Response {
        match self {
            Refusal::Malformed => Response::text(400, "bad request"),
            Refusal::LineTooLong => Response::text(414, "request line too long"),
            Refusal::HeadersTooLarge => Response::text(431, "request headers too large"),
            Refusal::Method => {
                let mut r = Response::text(405, "only GET and HEAD");
                r.headers.push(("Allow", "GET, HEAD".to_string()));
                r
            }
            Refusal::BodyTooLarge => Response::text(413, "request body too large"),
        }
    }
}

/// Reads one request from `stream`: the head, never holding more than [`MAX_HEAD`] bytes,
/// then the body of a POST, never more than [`MAX_BODY`].
pub fn read_head(stream: &mut impl Read) -> Result<Request, Refusal> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; HEAD_CHUNK];
    loop {
        let n = stream.read(&mut chunk).map_err(|_| Refusal::Malformed)?;
        if n == 0 {
            return Err(Refusal::Malformed);
        }
        head.extend_from_slice(&chunk[..n]);
        let first_line_end = head.iter().position(|&b| b == b'\n');
        if first_line_end.unwrap_or(head.len()) > MAX_LINE {
            return Err(Refusal::LineTooLong);
        }
        if let Some(parsed) = parse_head(&head) {
            let (mut request, head_len, length) = parsed?;
            if request.method == "POST" {
                request.body = read_body(stream, &head[head_len..], length)?;
            }
            return Ok(request);
        }
        if head.len() > MAX_HEAD {
            return Err(Refusal::HeadersTooLarge);
        }
    }
}

/// The body of `length` bytes, of which `started` already arrived with the head.
fn read_body(stream: &mut impl Read, started: &[u8], length: usize) -> Result<Vec<u8>, Refusal> {
    if length > MAX_BODY {
        return Err(Refusal::BodyTooLarge);
    }
    let mut body = started
        .get(..length.min(started.len()))
        .unwrap_or(&[])
        .to_vec();
    let mut chunk = [0u8; 4 * HEAD_CHUNK];
    while body.len() < length {
        let n = stream.read(&mut chunk).map_err(|_| Refusal::Malformed)?;
        if n == 0 {
            return Err(Refusal::Malformed);
        }
        let wanted = (length - body.len()).min(n);
        body.extend_from_slice(&chunk[..wanted]);
    }
    Ok(body)
}

/// The request in `head` with the length of the head and of the body to follow, or `None`
/// while the head is incomplete.
fn parse_head(head: &[u8]) -> Option<Result<(Request, usize, usize), Refusal>> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let head_len = match request.parse(head) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return None,
        Err(httparse::Error::TooManyHeaders) => return Some(Err(Refusal::HeadersTooLarge)),
        Err(_) => return Some(Err(Refusal::Malformed)),
    };
    let method = request.method.unwrap_or("").to_string();
    let url = request.path.unwrap_or("/").to_string();
    let is_api = method == "POST" && url.split('?').next() == Some(API_PATH);
    if method != "GET" && method != "HEAD" && !is_api {
        return Some(Err(Refusal::Method));
    }
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    if header("Transfer-Encoding").is_some() {
        // Browsers send a length with every body they have in full; nothing else is read.
        return Some(Err(Refusal::Malformed));
    }
    let length = match header("Content-Length").map(|l| l.parse::<usize>()) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return Some(Err(Refusal::Malformed)),
    };
    let request = Request {
        host: header("Host"),
        origin: header("Origin"),
        method,
        url,
        body: Vec::new(),
    };
    Some(Ok((request, head_len, length)))
}

/// Writes `response` and closes the connection; a `HEAD` gets the headers alone.
pub fn write_response(stream: &mut impl Write, head_only: bool, response: &Response) {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.body.len()
    );
    for (name, value) in &response.headers {
        // Values come from the site's paths: no line break may end a header early.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    let _ = stream.write_all(&bytes);
    let _ = stream.flush();
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        500 => "Internal Server Error",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Answers connections on `listener` with `handle` until the listener fails.
pub fn run(listener: TcpListener, handle: impl Fn(&Request) -> Response + Send + Sync + 'static) {
    let handle = Arc::new(handle);
    let open = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<TcpStream>();
    let rx = Arc::new(Mutex::new(rx));
    for _ in 0..WORKERS {
        let (rx, handle, open) = (rx.clone(), handle.clone(), open.clone());
        std::thread::spawn(move || loop {
            let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok(mut stream) = next else { return };
            answer(&mut stream, handle.as_ref());
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let _ = stream.set_write_timeout(Some(HEAD_DEADLINE));
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            write_response(&mut stream, false, &Response::text(503, "busy"));
            continue;
        }
        open.fetch_add(1, Ordering::SeqCst);
        if tx.send(stream).is_err() {
            return;
        }
    }
}

fn answer(stream: &mut TcpStream, handle: &dyn Fn(&Request) -> Response) {
    let started = Instant::now();
    let mut reader = Deadline {
        stream: &*stream,
        started,
    };
    let (head_only, response) = match read_head(&mut reader) {
        Ok(request) => (request.method == "HEAD", handle(&request)),
        Err(refusal) => (false, refusal.response()),
    };
    write_response(stream, head_only, &response);
}

/// Reads from a socket until [`HEAD_DEADLINE`] after the connection was taken (a request with
/// a body: [`BODY_DEADLINE`]): a client sending one byte at a time cannot hold a worker longer.
struct Deadline<'a> {
    stream: &'a TcpStream,
    started: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Bodies are read in chunks larger than the head's: the body's longer deadline applies.
        let deadline = if buf.len() > HEAD_CHUNK {
            BODY_DEADLINE
        } else {
            HEAD_DEADLINE
        };
        let left = deadline.saturating_sub(self.started.elapsed());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &[u8]) -> Result<Request, Refusal> {
        read_head(&mut std::io::Cursor::new(text.to_vec()))
    }

    #[test]
    fn reads_get_and_head() {
        let r = head(b"GET /news/ HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!((r.method.as_str(), r.url.as_str()), ("GET", "/news/"));
        assert_eq!(head(b"HEAD / HTTP/1.0\r\n\r\n").unwrap().method, "HEAD");
    }

    #[test]
    fn refuses_other_methods_and_oversized_heads() {
        assert_eq!(head(b"POST /api/v2 HTTP/1.1\r\n\r\n"), Err(Refusal::Method));
        for method in ["POST", "DELETE", "PUT", "OPTIONS"] {
            let text = format!("{method} / HTTP/1.1\r\n\r\n");
            assert_eq!(head(text.as_bytes()), Err(Refusal::Method), "{method}");
        }
        let long_line = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_LINE));
        assert_eq!(head(long_line.as_bytes()), Err(Refusal::LineTooLong));
        let endless = format!("GET / HTTP/1.1\r\nX: {}", "a".repeat(MAX_HEAD * 2));
        assert_eq!(head(endless.as_bytes()), Err(Refusal::HeadersTooLarge));
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: 1\r\n")).collect();
        let text = format!("GET / HTTP/1.1\r\n{many}\r\n");
        assert_eq!(head(text.as_bytes()), Err(Refusal::HeadersTooLarge));
        assert_eq!(head(b"\x00\x01garbage\r\n\r\n"), Err(Refusal::Malformed));
        assert_eq!(head(b"GET / HTTP/1.1\r\n"), Err(Refusal::Malformed));
    }

    #[test]
    fn reads_the_body_of_an_api_post() {
        let r = head(b"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:1111\r\nOrigin: http://127.0.0.1:1111\r\nContent-Length: 16\r\n\r\n{\"action\":\"info\"}").unwrap();
        assert_eq!(r.body, br#"{"action":"info"}"#[..16].to_vec());
        assert_eq!(r.host.as_deref(), Some("127.0.0.1:1111"));
        assert_eq!(r.origin.as_deref(), Some("http://127.0.0.1:1111"));
        let big = format!(
            "POST /api/v1 HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        );
        assert_eq!(head(big.as_bytes()), Err(Refusal::BodyTooLarge));
        let short = b"POST /api/v1 HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}";
        assert_eq!(head(short), Err(Refusal::Malformed));
        let chunked = b"POST /api/v1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(head(chunked), Err(Refusal::Malformed));
    }

    #[test]
    fn head_answers_carry_no_body_and_no_injected_header() {
        let mut out = Vec::new();
        let mut r = Response::text(301, "moved");
        r.headers
            .push(("Location", "/a\r\nSet-Cookie: x/".to_string()));
        write_response(&mut out, true, &r);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 301 Moved Permanently\r\n"));
        assert!(text.contains("Content-Length: 5\r\n"));
        assert!(text.contains("Location: /aSet-Cookie: x/\r\n"));
        assert!(text.ends_with("\r\n\r\n"));
    }
}
