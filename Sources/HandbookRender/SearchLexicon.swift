extension SearchTokenizer {
    /// Letters that do not decompose, spelt out.
    static let special: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"]

    /// Common English words, dropped.
    static let stopwords: [String] = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "between",
        "but", "by", "can", "do", "does", "for", "from", "has", "have", "he", "her", "his", "how", "if", "in", "into",
        "is", "it", "its", "may", "more", "most", "no", "not", "of", "on", "or", "other", "our", "out", "over", "she",
        "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "under", "up", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with", "you", "your",
    ]

    /// British words and their American spellings.
    static let words: [String: String] = [
        "colour": "color", "colours": "colors", "centre": "center", "centres": "centers", "theatre": "theater",
        "theatres": "theaters", "programme": "program", "programmes": "programs", "defence": "defense",
        "licence": "license", "catalogue": "catalog", "analyse": "analyze", "analysed": "analyzed",
        "ageing": "aging", "travelling": "traveling", "grey": "gray", "metre": "meter", "metres": "meters",
    ]

    /// British endings and their American forms, longest first, with the shortest word each applies to.
    static let endings: [(String, String, Int)] = [
        ("isations", "izations", 9), ("isation", "ization", 8), ("ising", "izing", 7), ("isers", "izers", 7),
        ("ised", "ized", 6), ("ises", "izes", 6), ("iser", "izer", 6), ("ise", "ize", 6),
        ("ours", "ors", 7), ("our", "or", 6),
    ]

    /// The word lists as bytes: one table holds the stopwords and the British words, so a token is
    /// looked up once, and only when a word of its length begins and ends with its letters. A class, so each of
    /// the hundreds of thousands of texts tokenized a build takes one reference to it, not one to each table.
    final class Lexicon: Sendable {
        static let shared = Lexicon()

        /// Stopwords, then British words.
        let words: SearchTokenTable
        /// By id: nil for a stopword, the American spelling for a British word.
        let american: [[UInt8]?]
        /// The longest word, in bytes.
        let longest: Int
        /// By length: bit n is set when a word of that length begins (ends) with letter n (`a` = 0).
        let firstLetters: [UInt32]
        let lastLetters: [UInt32]
        /// `SearchTokenizer.endings` as bytes.
        let endings: [([UInt8], [UInt8], Int)]
        /// Bit n is set when an ending ends with letter n.
        let endingLetters: UInt32

        init() {
            let british = SearchTokenizer.words.keys.sorted()
            let all = (stopwords + british).map { Array($0.utf8) }
            words = SearchTokenTable(stopwords + british)
            american = stopwords.map { _ in nil } + british.map { Array(SearchTokenizer.words[$0]!.utf8) }
            longest = all.map(\.count).max()!
            var firstLetters = [UInt32](repeating: 0, count: longest + 1)
            var lastLetters = [UInt32](repeating: 0, count: longest + 1)
            for word in all {
                firstLetters[word.count] |= 1 << (word[0] - 0x61)
                lastLetters[word.count] |= 1 << (word[word.count - 1] - 0x61)
            }
            self.firstLetters = firstLetters
            self.lastLetters = lastLetters
            endings = SearchTokenizer.endings.map { (Array($0.0.utf8), Array($0.1.utf8), $0.2) }
            endingLetters = endings.reduce(0) { $0 | 1 << ($1.0.last! - 0x61) }
        }
    }
}
