import HandbookModel

/// The librarian's review queue: entries whose `reviewed` date (or a press contact's `verified`) is older
/// than `review_after_months`, oldest first, then entries never reviewed.
public enum ReviewQueue {
    /// One entry due for review.
    public struct Item: Sendable, Hashable {
        /// The entry's file.
        public var path: String
        /// The entry's name.
        public var name: String
        /// When it was last reviewed, or nil when never.
        public var reviewed: PartialDate?
    }

    /// Every entry due for review on `today`.
    public static func due(_ entities: [Entity], settings: Settings, today: PartialDate, types: TypeCatalog = .standard) -> [Item] {
        var stale: [Item] = []
        var never: [Item] = []
        for entity in entities {
            let descriptor = types[entity.reference.type]
            if case .date(let date)? = entity[descriptor.reviewField] {
                if StaleReviewRule.isDue(date, months: settings.reviewAfterMonths, today: today) {
                    stale.append(Item(path: entity.path, name: entity.name, reviewed: date))
                }
            } else if descriptor.expectsReview {
                never.append(Item(path: entity.path, name: entity.name, reviewed: nil))
            }
        }
        stale.sort { ($0.reviewed!, $0.path) < ($1.reviewed!, $1.path) }
        never.sort { $0.path < $1.path }
        return stale + never
    }
}
