import HandbookRender
import HandbookValidate

/// A site checked and made ready to serve from memory (`Pipeline.prepare`): its pages and files are made
/// on request through `routes`. When the content or the theme has errors there are no routes, only the
/// problems.
public struct PreparedSite: Sendable {
    /// The validation of the content (its diagnostics are the site's problems).
    public var validation: ValidationResult
    /// Why the theme could not be used, when it could not.
    public var themeError: ThemeError?
    /// What makes each file of the site; nil when the content or the theme has errors.
    public var routes: SiteRoutes?
    /// How many content files were read and parsed afresh (the others were unchanged).
    public var parsedFiles: Int
    /// Seconds spent in each phase, in order.
    public var timings: [(phase: String, seconds: Double)]
}
