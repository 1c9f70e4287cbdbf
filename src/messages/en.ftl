# sachhon messages, English. Diagnostic ids are their codes.

## Configuration
E0001 = cannot read site.yaml ({ $message }); run sachhon in a site folder or pass --root DIR
E0002 = { $cause ->
        [tab] this line is indented with a Tab, and YAML takes spaces only; delete the Tab and type spaces (turn on "show tabs" in your editor to see it)
        [colon] the value of { $key } holds a colon and a space (": "), so YAML takes it for a new key; put the whole value in double quotes: { $key }: "{ $value }"
        [indicator] the value of { $key } starts with a character that is special in YAML; put the whole value in double quotes: { $key }: "{ $value }"
        [quote] the value of { $key } opens a quote and never closes it; add the same quote at the end of the value, on the same line
        [curly] the value of { $key } has curly quotes (“ ”) that a word processor typed, and YAML knows only straight ones ("); type them again as straight quotes, or turn off smart quotes
        [list] this list item is indented differently from the items before it; every "- " line of one list must start in the same column
       *[other] the "key: value" lines around here cannot be read (a YAML syntax error); check the indentation (spaces only), the space after each colon, and put values with special characters such as : [ {"{"} # * & in double quotes
    }
E0003 = unknown key "{ $key }" in site.yaml; the keys are: { $known }
E0004 = the theme "{ $theme }" was not found in themes/; install it there or write "theme: default"
E0005 = { $key }: "{ $value }" is not valid; write a full address such as https://example.org/kb/ (or a time zone such as +07:00)
E0006 = { $key }: "{ $value }" is not a language code; use a short code such as vi or en
E0070 = there is no site.yaml { $form ->
        [given] in { $dir }
       *[here] in { $dir } or any folder holding it
    }; go to your site's folder (the one holding site.yaml) with cd, or pass --root FOLDER; to start a new site, run: sachhon init FOLDER

## Content files
E0101 = the file is not UTF-8 text; save it again as UTF-8 in your editor
E0102 = { $form ->
        [dash] the line "{ $value }" is a long dash that a word processor typed, not three hyphens; type it again as "---" (three minus signs)
       *[other] the file is empty: it has neither front matter nor text; start it with a line "---", then "title: ...", then "---", or delete it
    }
E0103 = { $form ->
        [dash] the front matter never closes: the line "{ $value }" is a long dash that a word processor typed, not three hyphens; type it again as "---"
       *[other] the front matter never closes; add a line "---" after the last key
    }
E0104 = the front matter is not a list of "key: value" lines
E0105 = { $form ->
        [hash] { $key } is empty: YAML takes # as the start of a comment and ignores "{ $value }"; put the value in double quotes: { $field }: "{ $value }"
       *[other] { $key } is missing; add a line "{ $field }: ..." there
    }
E0106 = { $key }: { $value } is not a number; { $form ->
        [unit] write the number and the unit apart, each on its own line: { $field }: { $suggestion } and unit: { $unit }
       *[plain] write a number, for example { $suggestion }
    }
E0107 = { $key }: { $value } should be plain text
E0108 = { $key }: { $value } should be a list, for example [a, b]
E0109 = { $key }: { $value } should be true or false
E0110 = { $key }: { $value } is not a valid date; write it as YYYY-MM-DD, for example { $suggestion } (accepted forms: { $forms })
E0111 = { $key }: "{ $value }" is not a known kind; use one of: { $known }
E0112 = { $key }: "{ $value }" must be lower or higher (is a lower or a higher value an improvement?)
E0113 = { $key }: "{ $value }" is not the key of a cleaner-production technique; { $form ->
        [meant] write its key { $suggestion } (the site shows the technique's Vietnamese and English names itself)
       *[other] use one of: { $known }
    }
E0114 = { $key }: "{ $value }" is not one of the options ({ $known }); copy the right option exactly
E0115 = { $key }: { $value } should be an amount with its currency, for example {"{"} amount: { $amount }, currency: { $currency } {"}"}
E0116 = { $key }: { $value } should be a set of "key: value" pairs
E0180 = { $key }: "{ $value }" is not declared in site.yaml; use one of: { $known }
E0117 = this symbolic link points to a file outside the site (or loops); copy the file into the site instead
E0150 = { $key } is written twice in this file (first on line { $first }); keep only one of the two
E0151 = { $key }: { $value } is not a usable number; write a finite number between -1000000000000000 and 1000000000000000 (less than 10^15 in size)

## URLs
E0201 = { $key }: "{ $value }" cannot be used in a URL (it is empty, absolute or contains / or ..); choose a simple name such as "hoi-thao-da-nang"
E0202 = two pages have the URL { $url }: this file and { $other }; give one of them another slug
E0203 = "{ $lang }" in the file name is not a language of this site ({ $known }); rename the file or add the language to site.yaml
E0204 = aliases: "{ $value }" cannot be used as an old address (it leaves the site or is empty)
E0205 = aliases: the old address { $url } is already { $owner ->
        [page] the address of { $other }
        [alias] an old address of { $other }
        [static] a file copied from static/ or beside a page
       *[generated] a page sachhon makes itself ({ $other })
    }, which the redirect would replace; remove it from aliases or choose another

## Links
E0301 = the link to "{ $target }" leads nowhere; { $suggest ->
    [yes] did you mean { $near }? (addresses tell capital letters apart)
   *[no] check the path (content links look like @/news/post.md)
  }
E0302 = the page { $target } has no heading with the anchor #{ $anchor }{ $suggest ->
    [yes] ; did you mean #{ $near }?
   *[no] {""}
  }
E0304 = the link to "{ $target }" points to a page that is not published (a draft, a page dated in the future or one past its expiry date); publish that page first or remove the link (sachhon build --drafts shows them)
E0305 = the link to { $target } does not work ({ $message }); check the address in a browser and correct or remove it
E0303 = the file "{ $target }" does not exist { $from ->
    [root] (a path starting with / is looked for in static/, then in content/); put the file at that path in static/
   *[page] (a relative path starts from the folder of the page's file, as in an editor's preview); put the file there, or in static/
  }
E0306 = the built file { $file } refers to "{ $url }", which { $reason ->
        [folder] names a folder without its closing "/" (from a USB stick or file:// that does not open)
        [outside] lies outside the site (not under its base_url)
        [root] starts with "/", which in a build for file:// leads to the root of the disk
       *[missing] leads to no file of the built site
    }; this template wrote it: correct the link there (or in your copy in templates/)
E0307 = the built file { $file } links to "{ $url }", but that page has no element with the id #{ $anchor }{ $suggest ->
    [yes] {" "}(did you mean #{ $near }?)
   *[no] {""}
  }; correct the link in this template
E0308 = the built file { $file } is not well-formed XML at { $position } ({ $message }); feed readers and search engines reject it: correct this template

## Templates
E0401 = template { $template } failed while rendering { $page }: { $message }
E0402 = template { $template } has an error: { $message }

## Output
E0501 = the output folder { $path } exists, is not empty and was not made by sachhon; choose another --output folder
E0502 = the output folder { $path } would contain the site's own files; choose a folder such as public/
E0503 = cannot read or write a file: { $message }
E0510 = another build (process { $pid }) is writing this output folder; wait for it to finish, or run without --no-wait to wait for it
E0511 = { $count } more files could not be written either (most often the disk is full); free some space and build again: the previous output was left as it was

## Warnings
W0101 = payback_months says { $stated } months, but investment / savings_per_year gives { $computed } months; check the figures
W0102 = weight { $weight } is also used by { $other }; give each lesson its own weight to fix the order
W0103 = this translation ({ $lang }) has no page in the default language beside it; add that page or rename this file
W0104 = this page has no { $lang ->
        [en] English
        [vi] Vietnamese
       *[other] { $lang }
    } translation yet
W0105 = the code language "{ $lang }" is unknown (blocks: { $count }); they are shown without colours; write a known name, or turn this warning off with markdown: { "{" } warn_unknown_languages: false { "}" } in site.yaml
W0107 = { $key }: { $value } is read as a decimal number (the dot is a decimal point, not a thousands separator); if you meant a whole number, write { $suggestion } without dots
W0106 = the image has no alternative text; write what it shows between the brackets: ![a packaging machine](photo.jpg)
W0108 = this table repeats the metrics of the front matter, which the page already shows at the top, as a table and as charts; remove the table (keep any figure it adds in a sentence)
W0180 = { $taxonomy }: "{ $term }" has no name in { $lang }; add it to term_translations in site.yaml, for example { $taxonomy }: {"{"} "{ $term }": {"{"} { $lang }: ... {"}"} {"}"}
W0150 = raw HTML: { $what } was removed (markdown.raw_html: sanitize keeps pages free of scripts); write it in Markdown, or set markdown.raw_html: allow in site.yaml if you trust every author
W0160 = content/index.md is not used because { $home } is the home page; remove one of the two (a content/index.md alone is the home page)
W0161 = the site has no home page text: the home page is generated with the site's title and its sections; write content/_index.md (or content/index.md) to give it a title and text
W0120 = a control character ({ $code }) is in the text; it was removed, as no page or feed may show it (it usually comes from copying out of a PDF or a word processor)
W0301 = aliases: { $url } is this page's own address, so it cannot redirect here; remove it (it was ignored)
W0360 = slug: "{ $value }" is not a plain URL segment (lower-case letters, digits, hyphens) and is published as { $url }; write that slug to keep the address you see
W0170 = { $key }: sachhon does not know this key and ignores it; { $suggestion ->
        [none] correct its name
       *[other] did you mean "{ $suggestion }"?
    }{ $form ->
        [nested] {""}
       *[top] {" "}(if your site's templates need a key of their own, put it under extra: or declare it in extra_keys of site.yaml)
    }

## Content from other tools
E0601 = the TOML front matter is not valid: { $message }; write each line as key = "value" (text in quotes) and close it with a line +++
E0602 = there is no shortcode "{ $name }"; the shortcodes are: { $known } (a site adds one as templates/shortcodes/{ $name }.html)
E0603 = the shortcode { $name } has no argument "{ $arg }"; its arguments are: { $known } (* = required)
E0604 = the shortcode { $name } needs the argument "{ $arg }"; its arguments are: { $known } (* = required)
E0605 = the shortcode { $name } cannot be read; write it as {"{{"} name(arg="value") {"}}"}, or {"{%"} name(arg="value") {"%}"} ... {"{%"} end {"%}"} with a body (each body closed by its own end)
E0606 = the file "{ $value }" is neither in the page's folder nor in static/; put it beside the page (in a folder with index.md) or in static/
E0607 = the shortcode called here wrote "{ $url }" into the page, which leads to no file of the built site; check the values given to it (or, for a shortcode of the site, its template in templates/shortcodes/)
E0801 = the path "{ $value }" is outside content/ and static/ (or leaves them through "..", an absolute path or a link); the web editor only writes inside those two folders
E0802 = this file changed on disk since the editor loaded it; reload the page in the editor (your changes are still in the form: copy them first), then save again
E0803 = this request comes from another web page ({ $value }); only the admin page of this preview may save, open it at { $url }admin/
E0804 = the request cannot be read: { $message }
E0805 = the web editor is off: this preview listens on the network without --allow-remote-edit; start sachhon serve with --bind 127.0.0.1 (or add --allow-remote-edit) to edit
W0602 = "{ $syntax }" is { $kind ->
    [hugo] a Hugo shortcode
    [liquid] a Liquid (Jekyll) tag
    [icon] an icon of MkDocs Material
    [keys] keys of MkDocs (pymdownx.keys)
    [math] $$ math (MathJax, KaTeX)
    [attributes] an attribute list of MkDocs (attr_list)
    [block] the opening line of an MkDocs admonition or content tab with no block under it
   *[other] template syntax of another tool
  }, which sachhon does not run: readers would see it as written; { $kind ->
    [hugo] use a sachhon shortcode such as {"{{"} figure(src="a.jpg", alt="…") {"}}"} instead, or put it in `code`
    [icon] write an emoji or a word instead (said for its first use only; pages using it: { $count })
    [keys] write the keys in `code`, such as `Ctrl+C` (said for its first use only; pages using it: { $count })
    [math] write the formula as text or an image (said for its first use only; pages using it: { $count })
    [attributes] remove it; headings take {"{"}#anchor{"}"} (said for its first use only; pages using it: { $count })
    [block] indent the block's body four spaces more than this line (in a list item, indent this line to the item's text), or put it in a fenced code block if readers should see it
   *[other] remove it, write what it stood for, or put it in `code` if readers should see it
  }{ $repeats ->
    [1] {""}
   *[other] {" "}(this page writes it { $repeats } times; said for the first place only)
  }
W0603 = { $key }: this key of another generator is ignored (pages: { $count }); sachhon's fields are listed in the editor's guide (Front matter fields)
W0660 = no page uses this file, { $published ->
    [yes] yet it is copied beside its page; link to it from the page, or delete it
    [shadowed] and a page of the site has its address (the home page, the 404 page), so it is never published; rename it, or move it out of content/
   *[no] so it is not published; link to it from a page (the path starts from the folder of the page's file: ![Diagram](diagram.png), [Report](../files/report.pdf)), or move it out of content/
  }

## Command line
build-done = Built { $pages } pages into { $output } in { $ms } ms.
build-failed = The build failed; the site built last time was left as it was.
build-failed-first = The build failed; nothing was written (this was the first build).
build-waiting = Another build (process { $pid }) is writing { $output }; waiting for it to finish...
check-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }.
check-ok = No problems found in { $pages } pages.
check-codes = By code: { $codes }.
withheld = Not published: { $drafts } { $drafts ->
        [one] draft
       *[other] drafts
    }, { $scheduled } dated in the future, { $expired } past their expiry date (--drafts publishes them).
serve-listening = Serving the site at { $url } (press Ctrl+C to stop).
serve-rebuilt = Rebuilt in { $ms } ms.
serve-failed = The rebuild failed; the last good version is still served.
serve-caught-up = Search index and the rest of the site brought up to date in { $ms } ms.
serve-unchanged = Saved without changes; nothing to rebuild.
serve-port-busy = Port { $port } is already in use; choose another with --port.
serve-bad-bind = --bind "{ $bind }" is not an address; write an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network).
serve-exposed = Warning: --bind { $bind } lets anyone on the network read the preview, drafts included, with no password; use 127.0.0.1 to keep it on this computer.
serve-cannot-listen = Cannot listen on { $address }: { $message }
init-done = Created a new site in { $dir }. Build it with: sachhon build --root { $dir }
init-exists = { $dir } already holds files; choose an empty or new folder.
new-done = Created { $path }. It is a draft until you remove "draft: true".
new-exists = { $path } already exists; choose another name.
new-bad-name = "{ $name }" is not a usable name; use letters, digits and hyphens (a lesson names its module too: cp-basics/intro).
overlay-warnings = Warnings
overlay-title = The site could not be rebuilt
help-about = sachhon ("sạch hơn", cleaner): a static knowledge-base site generator for cleaner-production campaigns
help-build = Build the site into the output folder
help-serve = Preview the site with live reload
help-check = Check content and every link without writing
help-init = Create a new site with the default theme
help-cms-config = Write the web editor's (Decap CMS) config.yml, generated from the site's schema
help-new = Create a new page from a scaffold
help-help = Print this help, or the help of a command
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-usage-options = OPTIONS
help-usage-command = COMMAND
help-arg-help = Print this help
help-arg-version = Print sachhon's version
help-arg-lang = Language of messages: vi (Vietnamese) or en (English); by default SACHHON_LANG, then the computer's language
help-value-lang = LANG
help-arg-verbose = Also show the technical detail after a message (the YAML parser's and the system's own words, in English)
help-arg-root = Site root (the folder holding site.yaml); by default this folder, or the nearest parent holding site.yaml
help-value-root = DIR
help-arg-base_url = Use this address instead of base_url in site.yaml
help-value-base_url = URL
help-arg-drafts = Include drafts, pages dated in the future and expired pages
help-arg-relative_urls = Write every internal link relative to its page (to open the site from a USB stick, or put it in a sub-folder not known in advance)
help-arg-build-output = Output folder (default: public/ in the site root)
help-value-build-output = DIR
help-arg-no_wait = When another build is writing the same output folder: stop at once (exit status 1) instead of waiting for it
help-arg-bind = IP address to listen on (default: 127.0.0.1, this computer only)
help-value-bind = IP
help-arg-port = Port to listen on (default: 1111)
help-value-port = PORT
help-arg-allow_remote_edit = Let other computers of the network save pages through the web editor (with a --bind other than 127.0.0.1)
help-arg-external = Also check every link to another site (needs the Internet)
help-arg-strict = Count warnings as errors: exit status 1 when there is any
help-arg-cms-config-output = File to write (default: print it)
help-value-cms-config-output = FILE
help-arg-dir = Folder of the new site
help-value-dir = DIR
help-arg-kind = Kind of page: case-study, news, module, lesson or page (a stand-alone page such as About)
help-value-kind = KIND
help-arg-name = File name of the page, e.g. binh-dien; a lesson names its module too: cp-basics/intro
help-value-name = NAME
help-arg-subcommand = The command to show the help of
help-value-subcommand = COMMAND
usage-error-word = error
usage-invalid-value = "{ $value }" is not a valid value for { $arg }
usage-possible = ; write one of: { $values }
usage-port = ; write a number from 1 to 65535
usage-missing-value = { $arg } needs a value right after it
usage-unknown-argument = "{ $arg }" is not understood here
usage-unknown-command = there is no command "{ $command }"
usage-missing-argument = { $arg } is missing
usage-repeated = { $arg } is written more than once; once is enough
usage-conflict = { $arg } cannot be used with { $other }
usage-no-value-expected = { $arg } takes no value; remove "{ $value }"
usage-not-utf8 = part of the command line is not UTF-8 text
usage-other = this command line is not understood
usage-did-you-mean = ; did you mean { $suggestion }?
usage-more = Full help: { $command } --help

## Naming things in messages
item-metrics = metric { $n }
item-quiz = question { $n }
item-other = item { $n } of { $list }
item-field = { $field } of { $item }
os-not-found = there is no such file or folder
os-denied = permission denied: this may not be read or written
os-full = the disk is full
os-read-only = the disk is read-only
os-is-folder = this is a folder, not a file
serve-remote-edit = --bind { $bind } would let anyone on the network change the site's files through the web editor; so the editor is off (the preview still works). Use 127.0.0.1, or add --allow-remote-edit if every computer on this network may edit.
serve-admin = Web editor: { $url }admin/
cms-config-written = Wrote the web editor's configuration to { $path }.
cms-admin-title = Editing { $site }
cms-field-title = Title
cms-field-date = Date
cms-field-summary = Summary
cms-field-draft = Draft (not published)
cms-field-image = Image
cms-field-image_alt = Image description (for readers who cannot see it)
cms-field-weight = Order in lists (lower first)
cms-field-duration = Duration (minutes)
cms-field-objectives = Learning objectives
cms-field-tags = Tags
cms-field-body = Text
cms-field-company = Company
cms-field-province = Province
cms-field-sector = Sector
cms-field-techniques = Cleaner-production techniques
cms-field-year = Year applied
cms-field-company_size = Company size (small, medium, large)
cms-field-investment = Investment
cms-field-savings_per_year = Savings per year
cms-field-payback_months = Payback (months)
cms-field-metrics = Before/after metrics
cms-field-name = Name
cms-field-unit = Unit
cms-field-before = Before
cms-field-after = After
cms-field-better = Better when
cms-field-better-lower = lower
cms-field-better-higher = higher
cms-field-quiz = Self-check questions
cms-field-question = Question
cms-field-options = Options
cms-field-answer = Answer (copy one option exactly)
cms-field-explanation = Explanation
cms-field-amount = Amount (digits only)
cms-field-currency = Currency
cms-collection-pages = Pages
cms-collection-modules = { $section }: modules
cms-collection-lessons = Lessons: { $module }
