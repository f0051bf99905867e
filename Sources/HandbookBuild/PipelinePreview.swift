import HandbookLoad
import HandbookRender

extension Pipeline {
    /// Loads, validates and prepares the site for serving from memory, reusing what `cache` kept from the
    /// preparation before: a save costs reading the changed files, validating, indexing and preparing the
    /// shared parts, not rendering every page (pages are rendered on request through the routes).
    /// `options.outputPath` and `options.checkLinks` are not used: nothing is written. Throws only when the
    /// content folder cannot be read; problems in the content or the theme are in the result.
    public static func prepare(_ options: BuildOptions, cache: PreviewCache) throws(BuildFailure) -> PreparedSite {
        var clock = PhaseClock()
        var validation = try loadAndValidate(options, clock: &clock, cache: cache)
        let parsed = cache.files.parsed.count
        var themeError: ThemeError?
        if cache.theme == nil {
            do {
                cache.theme = try compileTheme(options)
            } catch .theme(let error) {
                themeError = error
            } catch .load(let error) {
                themeError = ThemeError(message: error.description)
            } catch {
                themeError = ThemeError(message: error.description)
            }
        }
        guard let theme = cache.theme, validation.errorCount == 0 else {
            return PreparedSite(validation: validation, themeError: themeError, routes: nil, parsedFiles: parsed, timings: clock.phases)
        }
        date(&validation, history: cache.dates(of: validation, options), options)
        clock.mark("theme and history")
        let (index, baseURL) = (siteIndex(validation, options), baseURL(validation, options))
        clock.mark("index")
        // The tokens of the last search index made (or, when none was asked for since, the one before).
        let searchTokens = SearchTokenStore(previous: cache.searchTokens?.latest)
        cache.searchTokens = searchTokens
        let site = SiteContext(index: index, theme: theme, baseURL: baseURL, bodies: cache.bodies, searchTokens: searchTokens)
        clock.mark("prepare (bodies, cards, order)")
        let routes = SiteRoutes(site: site, outputs: options.outputs, previous: cache.routes)
        cache.routes = routes
        clock.mark("routes")
        return PreparedSite(validation: validation, themeError: nil, routes: routes, parsedFiles: parsed, timings: clock.phases)
    }
}
