/// Codes that stand for more than one country where a country or jurisdiction is asked for.
public enum Jurisdictions {
    /// An international body with no single home country.
    public static let international = "INT"
    /// The European Union.
    public static let europeanUnion = "EU"
    /// The United Nations.
    public static let unitedNations = "UN"
    /// Every such code a policy's `jurisdiction` may use.
    public static let all = [europeanUnion, unitedNations, international]
}
