/// The one "did you mean" of the tool: the closest candidate to a misspelt word, for option names, commands,
/// types, field names, fixed values, ids and folders alike.
public enum Suggestion {
    /// The candidate with the smallest edit distance to `word`, if it is close enough to be a likely typo; else
    /// the shortest candidate that `word` abbreviates or extends (`--check` for `--check-links`, `website` for
    /// `website_url`) when the shorter of the two is at least half the longer. Case is ignored; ties go alphabetically.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        var stem: (String, Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if let length = sharedStemLength(target, scalars), stem == nil || (length, candidate) < (stem!.1, stem!.0) {
                stem = (candidate, length)
            }
            // Cheap bound first: the distance is at least the difference in length.
            let limit = max(1, min(3, max(target.count, scalars.count) / 3))
            if abs(scalars.count - target.count) > limit { continue }
            let distance = editDistance(target, scalars)
            if distance <= limit, best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0 ?? stem?.0
    }

    /// The candidate's length when one of the two begins with the other and the shorter is at least half the
    /// longer (and 3 characters), so abbreviations and suffixed words count but a lone letter does not.
    static func sharedStemLength(_ word: [Unicode.Scalar], _ candidate: [Unicode.Scalar]) -> Int? {
        let (shorter, longer) = word.count <= candidate.count ? (word, candidate) : (candidate, word)
        guard shorter.count >= 3, shorter.count * 2 >= longer.count, shorter.count < longer.count,
              longer.starts(with: shorter) else { return nil }
        return candidate.count
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { d[i * width] = i }
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = value
            }
        }
        return d[a.count * width + b.count]
    }
}
