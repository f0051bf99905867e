extension String {
    /// The text cut to 60 characters for quoting in a message, so hostile values are never echoed in full.
    public var excerpt: String {
        count <= 60 ? self : String(prefix(57)) + "…"
    }
}
