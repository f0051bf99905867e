import HandbookModel

/// A rule the validator runs on each document once its fields are read (cross-field checks).
protocol DocumentRule: Rule {
    /// Reports the document's problems under this rule.
    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter)
}
