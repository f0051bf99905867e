import Foundation

/// The shared table of search rules (`Tests/search/cases.json`), which the JavaScript client's tests read too.
public struct SearchCases: Decodable {
    /// A query on `Tests/search/site` and the names it must return, in order; when no entry has every
    /// word, how many words those returned have (`partial`); the words read through a forgiven typo, as
    /// [word, token] (`readAs`, none when absent). `why` (the reasons a result shows) is for the browser's
    /// runner only: the Swift index has no page.
    public struct Query: Decodable {
        public var q: String
        public var filters: [String: String]?
        public var expect: [String]
        public var partial: Int?
        public var readAs: [[String]]?
    }

    public var fold: [[String]]
    public var tokens: [TokenCase]
    /// Text and the tokens the index reads from it (hyphenated compounds also joined).
    public var indexTokens: [TokenCase]
    public var singular: [[String?]]
    public var oneEdit: [EditCase]
    public var queries: [Query]

    /// Text and its tokens.
    public struct TokenCase: Decodable {
        public var text: String
        public var tokens: [String]

        public init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            text = try container.decode(String.self)
            tokens = try container.decode([String].self)
        }
    }

    /// Two words and whether they are at most one edit apart.
    public struct EditCase: Decodable {
        public var a: String
        public var b: String
        public var expected: Bool

        public init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            a = try container.decode(String.self)
            b = try container.decode(String.self)
            expected = try container.decode(Bool.self)
        }
    }

    /// The fixture site the queries run on.
    public static let site = SharedFolder.packageRoot.appendingPathComponent("Tests/search/site").path

    /// Reads the table.
    public static func load() throws -> SearchCases {
        let url = SharedFolder.packageRoot.appendingPathComponent("Tests/search/cases.json")
        return try JSONDecoder().decode(SearchCases.self, from: Data(contentsOf: url))
    }
}
