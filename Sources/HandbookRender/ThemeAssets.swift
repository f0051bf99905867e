/// The theme's static files, copied under `assets/` as they are.
struct ThemeAssets: OutputGenerator {
    static let name = "theme assets"
    static let inputs = OutputInputs.structure
    /// Where the assets go.
    static let folder = "assets/"
    let site: SiteContext

    func files() -> [OutputFile] {
        site.theme.assets.map { path, bytes in OutputFile(path: Self.folder + path, bytes: bytes) }
    }
}
