import HandbookLoad
import HandbookModel
import Mustache

/// A theme ready to render: compiled templates and static assets.
public struct Theme: Sendable {
    /// The compiled templates.
    public let library: MustacheLibrary
    /// Static files copied under `assets/`.
    public let assets: [String: [UInt8]]
    /// Template paths by name, for messages about what a render found.
    let templatePaths: [String: String]

    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "list", "entity", "topics", "topic", "methods", "method", "facet", "page", "privacy", "search", "404", "graph", "insights", "moved"]

    /// Partials rendered once per item and reused, with the outer names each reads: an entry's card is on many
    /// lists. Such a partial sees its item and these names only; a partial that only interpolates them is kept with
    /// holes the page's values fill, any other once per item and set of values (see `PartialCache`).
    public static let cachedPartials = ["card": ["root"]]

    /// Compiles a loaded theme. Every problem is reported together, each with its file and, where one place is at
    /// fault, line and column: the loader's (links out of the theme, files that are not plain or not UTF-8), every
    /// template's syntax error, every template the theme lacks (a type whose descriptor names a template of its own
    /// needs it too), every partial a template includes that the theme does not have (which would render as
    /// nothing), and every partial that includes itself whatever the data (which would render without end).
    public init(_ files: ThemeFiles, types: TypeCatalog = .standard) throws(ThemeError) {
        var problems = files.problems.map { problem in
            ThemeError.Problem(message: problem.line > 0 ? "\(problem.path):\(problem.line):\(problem.column): error: \(problem.message)"
                                   : "\(problem.path): \(problem.message)",
                               location: SourceLocation(path: problem.path, line: problem.line, column: problem.column))
        }
        func path(_ template: String) -> String { files.templatePaths[template] ?? template }
        let library: MustacheLibrary?
        // The partials of the templates that compile are checked too when others do not: every problem in one run.
        var checked: MustacheLibrary?
        // Only bytes the renderer made (bodies, drawings, fields formatted as HTML) may be written without escaping.
        switch MustacheLibrary.compile(templates: files.templates, escapingRawText: true) {
        case .success(let compiled): (library, checked) = (compiled, compiled)
        case .failure(let failure):
            library = nil
            let failed = Set(failure.errors.map(\.template))
            checked = try? MustacheLibrary.compile(templates: files.templates.filter { !failed.contains($0.key) }).get()
            for error in failure.errors {
                problems.append(ThemeError.Problem(message: path(error.template) + String(error.description.dropFirst(error.template.count)),
                                                   location: SourceLocation(path: path(error.template), line: error.line, column: error.column)))
            }
        }
        let present = Set(files.templates.keys)
        var required = Self.requiredTemplates
        for template in types.descriptors.map(\.template) where !required.contains(template) { required.append(template) }
        let missing = required.filter { !present.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { "templates/\($0).mustache" }.joined(separator: ", ")
            problems.append(ThemeError.Problem(message: missing.count == 1 ? "the theme has no \(missing[0]).mustache template"
                                                   : "the theme has none of these templates: \(names)", location: nil))
        }
        if let checked { problems += Self.partialProblems(checked, present: present, path: path) }
        guard let library, problems.isEmpty else { throw ThemeError(problems: problems) }
        self.library = library
        assets = files.assets
        templatePaths = files.templatePaths
    }

    /// What went wrong in rendering with this theme, if anything did: a page cut short by runaway partials, or text
    /// from the content written without escaping (each tag that writes the name, with its place).
    public var renderProblem: ThemeError? {
        if let overrun = library.overrun {
            return ThemeError(message: "a page was cut short, \(overrun); the output was not changed")
        }
        let names = library.rawTextNames
        guard !names.isEmpty else { return nil }
        var problems: [ThemeError.Problem] = []
        for name in names {
            let fix = "it holds text, not markup the tool made, so it is written escaped; write {{\(name)}}"
            var found = false
            for template in library.names {
                for use in library.template(named: template)?.unescaped ?? [] where use.name == name {
                    let path = templatePaths[template] ?? template
                    found = true
                    problems.append(ThemeError.Problem(message: "\(path):\(use.line):\(use.column): error: '\(name)' is written without escaping; " + fix,
                                                       location: SourceLocation(path: path, line: use.line, column: use.column)))
                }
            }
            if !found { problems.append(ThemeError.Problem(message: "'\(name)' is written without escaping; " + fix, location: nil)) }
        }
        return ThemeError(problems: problems)
    }

    /// A partial named but not in the theme, and partials that include themselves outside any section, directly or
    /// through others: such a partial is expanded again at every level until the renderer's depth limit.
    static func partialProblems(_ library: MustacheLibrary, present: Set<String>, path: (String) -> String) -> [ThemeError.Problem] {
        var problems: [ThemeError.Problem] = []
        var always: [String: [String]] = [:]
        for name in library.names {
            guard let template = library.template(named: name) else { continue }
            for use in template.partials {
                guard present.contains(use.name) else {
                    problems.append(ThemeError.Problem(
                        message: "\(path(name)):\(use.line):\(use.column): error: the partial '\(use.name)' is not in the theme; "
                            + "add templates/\(use.name).mustache or correct the name",
                        location: SourceLocation(path: path(name), line: use.line, column: use.column)))
                    continue
                }
                if !use.inSection && !(always[name] ?? []).contains(use.name) { always[name, default: []].append(use.name) }
            }
        }
        // A cycle among the includes made outside sections: each is reported once, from its first template by name.
        var reported: Set<String> = []
        for start in library.names where !reported.contains(start) {
            guard let cycle = Self.cycle(from: start, in: always) else { continue }
            reported.formUnion(cycle)
            guard let use = library.template(named: start)?.partials.first(where: { !$0.inSection && $0.name == cycle.dropFirst().first ?? start }) else { continue }
            problems.append(ThemeError.Problem(
                message: "\(path(start)):\(use.line):\(use.column): error: the partial '\(start)' includes itself outside any section ("
                    + (cycle + [start]).joined(separator: " → ") + "), so it would be expanded without end; put the include inside a section",
                location: SourceLocation(path: path(start), line: use.line, column: use.column)))
        }
        return problems
    }

    /// The templates on a path of includes from `start` back to `start`, in order, or nil.
    static func cycle(from start: String, in includes: [String: [String]]) -> [String]? {
        var path = [start]
        var visited: Set<String> = [start]
        func walk(_ name: String) -> Bool {
            for next in includes[name] ?? [] {
                if next == start { return true }
                guard visited.insert(next).inserted else { continue }
                path.append(next)
                if walk(next) { return true }
                path.removeLast()
            }
            return false
        }
        return walk(start) ? path : nil
    }
}

/// A theme that cannot be used: every problem found, each with its file, line and column where that applies.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// One thing wrong with the theme.
    public struct Problem: Sendable, Hashable {
        /// What is wrong, starting with the place (`path:line:column: error: …`, or `path: …`).
        public var message: String
        /// The file, line and column, when one file is at fault.
        public var location: SourceLocation?

        /// Creates a problem.
        public init(message: String, location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    /// Every problem, in the order found: the loader's, then the templates'.
    public var problems: [Problem]
    /// The first problem's message.
    public var message: String { problems.first?.message ?? "" }
    /// The first problem's place.
    public var location: SourceLocation? { problems.first?.location }
    /// The message shown to the user: the problem, or a line for each.
    public var description: String { lines.joined(separator: "\n") }

    /// The lines of `description`, each of which a terminal shows as one line (a file name's line break stays inside
    /// its line, to be escaped there).
    public var lines: [String] {
        problems.count == 1 ? [message] : ["the theme has \(problems.count) problems:"] + problems.map { "  " + $0.message }
    }

    /// An error of one problem.
    public init(message: String, location: SourceLocation? = nil) {
        problems = [Problem(message: message, location: location)]
    }

    /// An error of several problems (at least one).
    public init(problems: [Problem]) {
        self.problems = problems
    }
}
