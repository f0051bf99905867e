import HandbookLoad
import HandbookModel
import Mustache

/// A theme ready to render: compiled templates and static assets.
public struct Theme: Sendable {
    /// The compiled templates.
    public let library: MustacheLibrary
    /// Static files copied under `assets/`.
    public let assets: [String: [UInt8]]

    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "list", "entity", "topics", "topic", "methods", "method", "facet", "page", "privacy", "search", "404", "graph", "insights", "moved"]

    /// Partials rendered once per item and reused, with the outer names each reads: an entry's card is on many
    /// lists. Such a partial sees its item and these names only; a partial that only interpolates them is kept with
    /// holes the page's values fill, any other once per item and set of values (see `PartialCache`).
    public static let cachedPartials = ["card": ["root"]]

    /// Compiles a loaded theme; template errors name the file, line and column. A type whose descriptor
    /// names a template of its own needs it too.
    public init(_ files: ThemeFiles, types: TypeCatalog = .standard) throws(ThemeError) {
        do {
            library = try MustacheLibrary(templates: files.templates)
        } catch {
            let path = files.templatePaths[error.template] ?? error.template
            throw ThemeError(message: path + String(error.description.dropFirst(error.template.count)),
                             location: SourceLocation(path: path, line: error.line, column: error.column))
        }
        for name in Self.requiredTemplates + types.descriptors.map(\.template) where !library.contains(name) {
            throw ThemeError(message: "the theme has no \(name).mustache template")
        }
        assets = files.assets
    }
}

/// A theme that cannot be used, with the template's path, line and column where that applies.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The template file, line and column, when one template is at fault.
    public var location: SourceLocation?
    /// The message shown to the user.
    public var description: String { message }

    /// Creates an error.
    public init(message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}
