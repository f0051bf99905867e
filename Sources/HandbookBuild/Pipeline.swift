import HandbookLoad
import HandbookModel
import HandbookValidate

/// The pipeline's entry points: load → validate (→ render → write, in the build).
public enum Pipeline {
    /// Loads and validates the tree at `contentPath`. Throws only for the tool's own failures (I/O).
    public static func check(contentPath: String, today: PartialDate) throws(LoadError) -> ValidationResult {
        let tree = try ContentLoader.load(contentPath: contentPath)
        return Validator.validate(tree, today: today)
    }
}
