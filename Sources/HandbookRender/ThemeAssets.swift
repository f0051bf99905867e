/// The theme's static files, copied under `assets/` as they are.
struct ThemeAssets: OutputGenerator {
    static let name = "theme assets"
    let site: SiteContext

    func files() -> [OutputFile] {
        site.theme.assets.map { path, bytes in OutputFile(path: "assets/" + path, bytes: bytes) }
    }
}
