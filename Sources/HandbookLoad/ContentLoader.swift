import HandbookModel

/// Walks `content/`, reads every file and parses its front matter, in parallel and in linear time.
public enum ContentLoader {
    /// Rule ids of the problems the loader reports.
    public enum Rule {
        /// A file or folder where none belongs.
        public static let unknownPath = "unknown-path"
        /// A symbolic link that leads outside the content tree.
        public static let symlink = "symlink"
        /// Bytes that are not UTF-8.
        public static let encoding = "encoding"
        /// Missing or unclosed `---` lines.
        public static let frontMatter = "front-matter"
        /// YAML outside the subset, or not YAML.
        public static let yaml = "yaml"
        /// A key given twice in one mapping.
        public static let duplicateKey = "duplicate-key"
        /// A required file is missing.
        public static let missingFile = "missing-file"
        /// A file or folder could not be read.
        public static let io = "io"
        /// A hidden `.md` file in a type folder, which is not published.
        public static let hiddenFile = "hidden-file"
    }

    /// Loads the tree at `contentPath` (shown in diagnostics as given). With a `cache`, files unchanged since
    /// the cache's last load are taken from it instead of being read and parsed again.
    public static func load(contentPath: String, types: TypeCatalog = .standard, cache: LoadCache? = nil) throws(LoadError) -> LoadedTree {
        let root = contentPath.hasSuffix("/") && contentPath.count > 1 ? String(contentPath.dropLast()) : contentPath
        guard FileSystem.targetKind(root) == .directory, let realRoot = FileSystem.realPath(root) else {
            throw LoadError(.contentDirectoryMissing, path: root)
        }
        var diagnostics: [Diagnostic] = []
        var jobs: [Job] = []
        let settingsPath = root + "/handbook.yml"
        var hasSettings = false
        var settingsReadable = false
        var placeholders: [RawDocument] = []
        var unlistedTypes: Set<EntityType> = []
        var folders: [Int32] = []
        defer { for descriptor in folders { FileSystem.closeFolder(descriptor) } }

        for (name, listed) in try FileSystem.entries(root) where !name.hasPrefix(".") {
            let path = root + "/" + name
            if FileSystem.isMisreadName(name, in: root) {
                diagnostics.append(misreadName(path))
                continue
            }
            let kind = resolve(path, listed: listed, realRoot: realRoot, diagnostics: &diagnostics)
            if name == "handbook.yml" {
                // Present, even when it is a link out of the tree or not a file: those are reported, not "missing".
                hasSettings = true
                if kind == .other { diagnostics.append(notAFile(path)) }
                if kind == .directory {
                    diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: path, line: 1, column: 1),
                        "handbook.yml must be a file, not a folder; move what it holds elsewhere and write the settings in a file"))
                }
                settingsReadable = kind == .file
                continue
            }
            switch kind {
            case .directory:
                guard let type = types.type(folder: name) else {
                    let known = types.types.map(\.folder)
                    diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: path, line: 1, column: 1),
                        "'\(name)' is not a content folder; " + (Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" } ?? "entries go in \(known.joined(separator: ", "))")))
                    continue
                }
                let listing: [(name: String, kind: FileSystem.Kind?)]
                do {
                    listing = try FileSystem.entries(path)
                } catch {
                    // Reported with the other problems; references to entries of this type are then not judged.
                    var why = "it cannot be read"
                    if case .unreadableDirectory(let code) = error.reason { why = FileSystem.describe(errno: code) }
                    diagnostics.append(.error(Rule.io, at: SourceLocation(path: path, line: 1, column: 1),
                        "cannot list the folder (\(why)), so its entries are neither checked nor published; make it readable (chmod u+rx '\(path)')"))
                    unlistedTypes.insert(type)
                    continue
                }
                // Its files are read relative to it, opened once (or by their paths, when it cannot be opened).
                let folder = FileSystem.openFolder(path)
                if let folder { folders.append(folder) }
                for (file, listed) in listing {
                    let filePath = path + "/" + file
                    if FileSystem.isMisreadName(file, in: path) {
                        diagnostics.append(misreadName(filePath))
                        continue
                    }
                    if file.hasPrefix(".") {
                        // `.#name.md` is an editor's lock file (Emacs), not an entry; other hidden names such as
                        // .DS_Store are ignored, but a hidden entry would silently go unpublished.
                        if file.hasSuffix(".md") && !file.hasPrefix(".#") {
                            diagnostics.append(.warning(Rule.hiddenFile, at: SourceLocation(path: filePath, line: 1, column: 1),
                                "'\(file)' starts with '.', so it is neither checked nor published; rename it to '\(file.drop { $0 == "." })' to publish it, or remove it"))
                        }
                        continue
                    }
                    let kind = resolve(filePath, listed: listed, realRoot: realRoot, diagnostics: &diagnostics)
                    if file.hasSuffix(".md") && kind != .file && kind != .directory {
                        // A broken or outside link, or a FIFO, named as an entry: reported (above or below), and
                        // still an entry others may name, so their references do not fail as well.
                        placeholders.append(RawDocument(type: type, slug: String(file.dropLast(3)), path: filePath, frontMatter: nil, body: [], bodyLine: 1))
                    }
                    switch kind {
                    case .file where file.hasSuffix(".md"):
                        jobs.append(Job(type: type, slug: String(file.dropLast(3)), path: filePath,
                                        folder: folder ?? FileSystem.workingDirectory, name: folder == nil ? filePath : file))
                    case .file:
                        diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: filePath, line: 1, column: 1),
                            "only Markdown files ending in .md belong in \(path)/; move or rename '\(file)'"))
                    case .directory:
                        diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: filePath, line: 1, column: 1),
                            "type folders hold files only; move the entries in '\(file)/' up into \(path)/"))
                    case .other:
                        diagnostics.append(notAFile(filePath))
                    default:
                        continue
                    }
                }
            case .file:
                diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: path, line: 1, column: 1),
                    "only handbook.yml and the type folders belong in \(root)/; move '\(name)' into a type folder"))
            case .other:
                diagnostics.append(notAFile(path))
            default:
                continue
            }
        }

        cache?.begin()
        var results = Parallel.map(jobs) { job in cache?.result(for: job.path) { read(job) } ?? read(job) }
        cache?.finish(seen: Set(jobs.map(\.path)))
        var documents = placeholders
        documents.reserveCapacity(results.count + placeholders.count)
        for index in results.indices {
            // Moved out, not copied: a copy retains every part of a document here and releases it with the results.
            diagnostics.append(contentsOf: results[index].diagnostics)
            if let document = results[index].document.take() { documents.append(document) }
        }
        // In the walk's order (type folder, then name), placeholders among the files read.
        if !placeholders.isEmpty { documents.sort { $0.path < $1.path } }
        var settings: YAMLNode?
        var settingsDigest = ByteDigest()
        if settingsReadable {
            let outcome = readSettings(settingsPath, realRoot: realRoot)
            settings = outcome.node
            settingsDigest = outcome.digest
            diagnostics.append(contentsOf: outcome.diagnostics)
        } else if !hasSettings {
            diagnostics.append(.error(Rule.missingFile, at: SourceLocation(path: settingsPath, line: 1, column: 1),
                "handbook.yml is missing: create it with at least a title, topics and methods"))
        }
        var tree = LoadedTree(settings: settings, settingsPath: settingsPath, documents: documents,
                              diagnostics: diagnostics, fileCount: jobs.count + (hasSettings ? 1 : 0))
        tree.settingsDigest = settingsDigest
        tree.unlistedTypes = unlistedTypes
        return tree
    }

    /// Parses a file on its own, as `handbook inspect` does; the type is taken from the parent folder if known.
    public static func loadFile(_ path: String) throws(LoadError) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
            let bytes = try FileSystem.read(path)
            let parsed = parseYAML(bytes, path: path, lineOffset: 0)
            return (parsed.node, parsed.diagnostics)
        }
        let components = path.split(separator: "/")
        let folder = components.count >= 2 ? String(components[components.count - 2]) : ""
        let name = String(components.last ?? "")
        let type = TypeCatalog.standard.type(folder: folder) ?? .pages
        let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let result = try readFile(Job(type: type, slug: slug, path: path, name: path))
        return (result.document?.frontMatter, result.diagnostics)
    }
}

extension ContentLoader {
    /// Reads a content file's bytes as the loader does (UTF-8 check, front-matter split, YAML), with no file
    /// system: the document, or nil with the diagnostics that say why (the fuzzers call it on their inputs).
    public static func document(_ bytes: consuming [UInt8], type: EntityType, slug: String, path: String) -> (document: RawDocument?, diagnostics: [Diagnostic]) {
        var bytes = bytes
        let start = SourceLocation(path: path, line: 1, column: 1)
        if let where_ = UTF8Check.text(&bytes) {
            return (nil, [.error(Rule.encoding, at: SourceLocation(path: path, line: where_.line, column: where_.column),
                "the file is not valid UTF-8 (byte 0x\(String(where_.byte, radix: 16, uppercase: true))); save it as UTF-8")])
        }
        // Lines ended by a carriage return alone (old Mac files) are one line to YAML and to Markdown: said as such.
        let carriageReturnsOnly = bytes.starts(with: Array("---\r".utf8)) && !bytes.starts(with: Array("---\r\n".utf8))
        let split: FrontMatter
        do {
            split = try FrontMatter.split(consume bytes)
        } catch .missingOpening {
            return (nil, [.error(Rule.frontMatter, at: start, carriageReturnsOnly
                ? "the file's lines end with a carriage return alone (as old Mac files did), so it reads as one line; save it with LF line endings (CRLF works too)"
                : "the file must start with a line '---', then the front matter, then another '---' line")])
        } catch {
            return (nil, [.error(Rule.frontMatter, at: start,
                "the front matter opened on line 1 is never closed; add a line '---' after the last field")])
        }
        let parsed = parseYAML(split.yaml, path: path, lineOffset: split.yamlLine - 1)
        var node = parsed.node
        if node == nil && parsed.diagnostics.isEmpty {
            node = YAMLNode(.mapping([]), at: TextPosition(line: 1, column: 1))
        }
        var document = RawDocument(type: type, slug: slug, path: path, frontMatter: node, body: split.body, bodyLine: split.bodyLine)
        document.frontMatterDigest = ByteDigest.of(split.yaml)
        if parsed.isSyntaxError {
            document.partialFrontMatter = YAMLParser.parseKeys(split.yaml, lineOffset: split.yamlLine - 1)
        }
        return (document, parsed.diagnostics)
    }

    /// Reads `handbook.yml`'s bytes as the loader does: the settings mapping, or nil with the diagnostics.
    public static func settings(_ bytes: [UInt8], path: String) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        var bytes = bytes
        if let where_ = UTF8Check.text(&bytes) {
            return (nil, [.error(Rule.encoding, at: SourceLocation(path: path, line: where_.line, column: where_.column),
                "the file is not valid UTF-8; save it as UTF-8")])
        }
        let parsed = parseYAML(bytes, path: path, lineOffset: 0)
        if parsed.node == nil && parsed.diagnostics.isEmpty {
            return (YAMLNode(.mapping([]), at: TextPosition(line: 1, column: 1)), [])
        }
        return (parsed.node, parsed.diagnostics)
    }

    /// What reading one file gave: its document, if it could be parsed, and its problems.
    struct FileResult: Sendable {
        var document: RawDocument?
        var diagnostics: [Diagnostic]
    }
}

private extension ContentLoader {
    struct Job: Sendable {
        var type: EntityType
        var slug: String
        var path: String
        /// The open type folder the file is read from, and its name there (`FileSystem.workingDirectory` and `path`
        /// when the folder could not be opened, or for a file read on its own).
        var folder: Int32 = FileSystem.workingDirectory
        var name: String
    }

    /// Reads a file. One that cannot be read or parsed still gives a document without front matter, so the
    /// entry exists for references to it: its own diagnostic is the one problem reported, not also every
    /// "there is no …" of the entries that name it.
    static func read(_ job: Job) -> FileResult {
        var result: FileResult
        do {
            result = try readFile(job)
        } catch {
            result = FileResult(document: nil, diagnostics: [.error(Rule.io, at: SourceLocation(path: job.path, line: 1, column: 1), error.description)])
        }
        if result.document == nil {
            result.document = RawDocument(type: job.type, slug: job.slug, path: job.path, frontMatter: nil, body: [], bodyLine: 1)
        }
        return result
    }

    /// A FIFO, socket or device where a file or folder belongs: reading it could block forever, so it is reported instead.
    static func notAFile(_ path: String) -> Diagnostic {
        .error(Rule.unknownPath, at: SourceLocation(path: path, line: 1, column: 1),
               "this is not a regular file or folder (a FIFO, socket or device); replace it with a file, or remove it")
    }

    static func readFile(_ job: Job) throws(LoadError) -> FileResult {
        let (bytes, modified) = try FileSystem.readWithTime(job.name, in: job.folder, path: job.path)
        // The file's bytes are handed over, so its body is taken from them in place.
        var result = ContentLoader.document(consume bytes, type: job.type, slug: job.slug, path: job.path)
        result.document?.modified = modified
        return FileResult(document: result.document, diagnostics: result.diagnostics)
    }

    static func parseYAML(_ bytes: [UInt8], path: String, lineOffset: Int) -> (node: YAMLNode?, diagnostics: [Diagnostic], isSyntaxError: Bool) {
        do {
            let document = try YAMLParser.parse(bytes, lineOffset: lineOffset)
            var diagnostics = document.duplicateKeys.map { duplicate in
                Diagnostic.error(Rule.duplicateKey, at: SourceLocation(path: path, position: duplicate.position),
                    "'\(duplicate.key.excerpt)' is given twice (first on line \(duplicate.firstPosition.line)); keep one")
            }
            guard let root = document.root else { return (nil, diagnostics, false) }
            guard root.pairs != nil else {
                diagnostics.append(.error(Rule.yaml, at: SourceLocation(path: path, position: root.position),
                    "the front matter must be a mapping of 'field: value' lines, not \(root.kindName)"))
                return (nil, diagnostics, false)
            }
            return (root, diagnostics, false)
        } catch {
            return (nil, [.error(Rule.yaml, at: SourceLocation(path: path, position: error.position), error.message)], true)
        }
    }

    static func readSettings(_ path: String, realRoot: String) -> (node: YAMLNode?, diagnostics: [Diagnostic], digest: ByteDigest) {
        do {
            let bytes = try FileSystem.read(path)
            let settings = ContentLoader.settings(bytes, path: path)
            return (settings.node, settings.diagnostics, ByteDigest.of(bytes))
        } catch {
            return (nil, [.error(Rule.io, at: SourceLocation(path: path, line: 1, column: 1), error.description)], ByteDigest())
        }
    }

    /// A name that is not UTF-8: one error, with the name as it can be shown, rather than an unreadable file and a bad slug.
    static func misreadName(_ path: String) -> Diagnostic {
        .error(Rule.encoding, at: SourceLocation(path: path, line: 1, column: 1),
               "this name is not valid UTF-8 (U+FFFD stands for the bytes that are not), so no page can be named from it; rename it")
    }

    /// What a path is once links inside the tree are followed; links leaving the tree are reported and skipped.
    /// `listed` is its kind as its directory listed it, when known (no `lstat` then).
    static func resolve(_ path: String, listed: FileSystem.Kind? = nil, realRoot: String, diagnostics: inout [Diagnostic]) -> FileSystem.Kind {
        let kind = listed ?? FileSystem.kind(path)
        guard kind == .symbolicLink else { return kind }
        guard let target = FileSystem.realPath(path) else {
            diagnostics.append(.error(Rule.symlink, at: SourceLocation(path: path, line: 1, column: 1), FileSystem.isLinkLoop(path)
                ? "this symbolic link leads back to itself, through other links or none (a loop); remove it"
                : "this symbolic link is broken; remove it or point it at a file in the content tree"))
            return .missing
        }
        guard target != realRoot && !realRoot.hasPrefix(target + "/") else {
            diagnostics.append(.error(Rule.symlink, at: SourceLocation(path: path, line: 1, column: 1),
                "this symbolic link leads to the content folder itself, or a folder holding it; remove it"))
            return .missing
        }
        guard target.hasPrefix(realRoot + "/") else {
            diagnostics.append(.error(Rule.symlink, at: SourceLocation(path: path, line: 1, column: 1),
                "this symbolic link leads outside the content tree (to \(target)); copy the file in instead"))
            return .missing
        }
        return FileSystem.targetKind(path)
    }
}
