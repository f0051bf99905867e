import Foundation
import HandbookTestSupport
import Testing

/// The default theme's text and background colours meet WCAG 2.1 AA (4.5:1) in light and dark schemes.
@Suite struct ThemeContrastTests {
    static let pairs = [("fg", "bg"), ("muted", "bg"), ("link", "bg"), ("link-visited", "bg"), ("fg", "panel"), ("muted", "panel"),
                        ("link", "panel"), ("accent-fg", "accent"), ("notice-fg", "notice-bg"), ("focus", "bg")]

    /// The `--name: #rrggbb` variables of each `:root` block: light first, then dark.
    static func schemes() throws -> [[String: String]] {
        let css = try String(contentsOf: SharedFolder.packageRoot.appendingPathComponent("themes/default/assets/style.css"), encoding: .utf8)
        return css.components(separatedBy: ":root {").dropFirst().map { block in
            var colours: [String: String] = [:]
            for line in block.prefix(while: { $0 != "}" }).split(separator: "\n") {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].hasPrefix("--") else { continue }
                let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
                if value.hasPrefix("#") && value.count == 7 { colours[String(parts[0].dropFirst(2))] = value }
            }
            return colours
        }
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    @Test func everyTextColourMeetsAA() throws {
        let schemes = try Self.schemes()
        #expect(schemes.count == 2, "expected a light and a dark :root block")
        for (index, colours) in schemes.enumerated() {
            for (text, background) in Self.pairs {
                let ratio = Self.contrast(try #require(colours[text], "--\(text)"), try #require(colours[background], "--\(background)"))
                #expect(ratio >= 4.5, "\(index == 0 ? "light" : "dark"): --\(text) on --\(background) is \(ratio)")
            }
        }
    }

    @Test func contrastFormulaMatchesKnownValues() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }
}
