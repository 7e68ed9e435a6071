# Findings about files as files: encoding, front matter, TOML, where a file is.

## invalid-utf8
utf8-not = the file is not UTF-8 text
utf8-not-label = first byte that is not UTF-8
utf8-not-help = save the file again with the encoding UTF-8 (editors call it "UTF-8" or "Unicode (UTF-8)")
utf8-gbk = the file is saved in the GBK (GB18030) encoding, not UTF-8
utf8-gbk-label = first Chinese character, read as GBK
utf8-gbk-help = open the file in Notepad, choose File → Save As, set Encoding to "UTF-8" and save (in Notepad++: Encoding → Convert to UTF-8)

## front-matter-missing
fm-not-opened = the record does not start with a `+++` line
fm-not-opened-label = expected `+++` here
fm-not-opened-help = start the file with a line `+++`, then the fields, then another `+++` line, then the text
fm-yaml-help = council reads TOML front matter between `+++` lines; YAML between `---` lines is not supported: change both `---` lines to `+++` and write the fields as TOML (`key = "value"`)
fm-not-closed = the front matter opened here is never closed
fm-not-closed-help = add a line holding only `+++` after the last field, before the text
fm-opened-label = opened here
fm-open-near = the first line must be exactly `+++`, not `{ $written }`
fm-close-near = the line that closes the fields must be exactly `+++`, not `{ $written }`
fm-indented = the `+++` line has spaces before it
fm-near-label = written almost right
fm-near-help = write the line as exactly `+++`: three half-width plus signs, nothing before them (it is now `{ $written }`)
fm-open-late = the fields start on line { $line }: `+++` must be the very first line
fm-open-late-help = remove the { $above ->
    [one] empty line
   *[other] { $above } empty lines
} above `+++`

## toml-syntax
toml-invalid = invalid TOML: { $detail }
toml-here-label = here
toml-duplicate-help = each field may appear once; remove or rename the repeated one
toml-date-help = write dates as year-month-day with two-digit month and day, like `2022-04-02`
toml-array-help = a list is written in brackets with commas between items: `["a", "b"]`
toml-generic-help = fix the TOML at this place; text goes in quotes, dates and numbers do not
toml-date-written = the date `{ $value }` is not written the way council reads dates
toml-date-written-label = not a date as TOML writes it
toml-date-written-help = write the date as year-month-day, two digits for month and day, without quotes: `{ $fixed }`
toml-wide = full-width punctuation that TOML does not read: { $chars }
toml-wide-label = full-width punctuation
toml-wide-help = switch the input method to English (half-width) punctuation and write the line as `{ $fixed }`
toml-unquoted = text without quotes
toml-unquoted-label = text needs double quotes
toml-unquoted-code-help = `{ $word }` is written as a code, in double quotes: `{ $fixed }`
toml-unquoted-help = put the text in double quotes: `{ $fixed }`

## misplaced-file
misplaced-record = `{ $inner }` is not where a council keeps records
misplaced-record-help = move it to `proposals/`, `meetings/`, `reports/` or `feedback/` of its council, directly inside that folder (attachments go in `files/` and are not `.md`)
misplaced-record-move-help = move it to `{ $path }`
not-a-record-extension = `{ $name }` is not read: a record's file name ends in `.md`
not-a-record-extension-help = rename the file to `{ $right }`
not-a-record-document = `{ $name }` is a word-processor document: council reads only `.md` text files
not-a-record-document-help = copy the record's text into a text file named `{ $right }` (write it in a plain-text editor, not in Word or WPS)
not-a-record-attachment = `{ $name }` is not a record: record folders hold only `.md` files
not-a-record-attachment-help = move attachments (photos, scans, PDF files) to the council's `files/` folder
outside-council = this record is not inside any council folder
outside-council-help = a council is a folder holding council.toml; move the record into `proposals/`, `meetings/`, `reports/` or `feedback/` of its council
nested-council = a council inside the council `{ $outer }`
nested-council-help = councils do not nest: move this folder next to the other council, under an area folder
council-at-top = council.toml directly in `councils/`
council-at-top-help = give each council its own folder, such as `councils/huangtai/grid-03/council.toml`
area-in-council = area.toml inside the council `{ $council }`
area-in-council-help = areas hold councils, not the other way round: move area.toml to the folder above the council
stray-toml = `{ $name }` is not a file council reads
stray-toml-meant-help = did you mean `{ $code }`? council reads only council.toml and area.toml here
stray-toml-help = council reads only council.toml and area.toml under councils/; rename or remove this file
orphan-translation = a translation without its record `{ $record }`
orphan-translation-help = a translation sits beside the record it translates; add `{ $record }` or rename this file to match it
symlink-folder = symbolic link not followed: it is a link to a folder
symlink-outside = symbolic link not followed: it points outside the site
symlink-help = copy the file into the site instead of linking to it; council never reads outside the site
unreadable = cannot read this file: { $why }
unreadable-help = check that the file exists and that you may read it
route-taken = this would be published at `{ $address }`, an address already taken by { $by }
route-taken-help = rename the file or folder, or move it into a folder of its own such as `content/about/`; council's own pages keep their addresses
route-by-generated = a page or file council generates
route-by-theme = a static file of the theme
route-by-source = `{ $other }`
route-by-file-folder = `{ $other }`, published as a file where this needs a folder
not-published = `{ $name }` is not a kind of file the site publishes
not-published-help = attachments may be { $allowed }; save a document as PDF (in Word or WPS: Save as PDF) and link that
wrong-content = this file is named as { $kind } but does not hold one
wrong-content-help = save the file again from the program that made it, or give it the name of what it is
kind-pdf = a PDF document
kind-png = a PNG image
kind-jpeg = a JPEG image
kind-gif = a GIF image
kind-webp = a WebP image
kind-svg = an SVG image
kind-text = a text file
not-svg = this SVG image cannot be published: { $why }
not-svg-label = here
not-svg-help = export the drawing again as plain SVG, or as PNG
svg-not-xml = it is not well-formed XML ({ $detail })
svg-not-svg-root = its root element is not an SVG `<svg>` element
svg-too-deep = its elements nest more than { $depth } deep
too-large = this file is { $size }; council reads files of at most { $limit } here
too-large-help = a record holds the text of the record only: split it, or publish long annexes as a PDF attachment in `files/`
not-regular = cannot read this file: it is not a regular file
invalid-utf8-name = the name of this file or folder is not UTF-8, so it cannot be published at a web address
invalid-utf8-name-help = rename it with a UTF-8 name (letters, digits and `-` are safest), then link to it by that name
