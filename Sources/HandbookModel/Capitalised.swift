extension String {
    /// The text with its first letter in upper case: "case studies" → "Case studies". The one helper for it,
    /// used by field labels, type names in headings and choice values.
    public var capitalisedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
