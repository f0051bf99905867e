import Mustache

/// A horizontal bar chart drawn at build time as inline SVG, so the page needs no script and no request.
///
/// Each bar has its label above it and its value after it; bar lengths are percentages of the chart's
/// width and the text keeps its size, so the chart fits any screen from 320 px up without shrinking
/// the words. The chart is one image to assistive technology (`role="img"`), named by its `<title>` and
/// described by a `<desc>` that reads out every bar; the page puts the same figures in a table after it.
/// Colours come from the stylesheet's classes (`chart-bar`, `chart-label`, `chart-value`), so dark mode
/// applies and no inline style is needed.
struct BarChart {
    /// One bar.
    struct Bar {
        /// What the bar stands for (a country, a funder).
        var label: String
        /// Its length, against the longest bar.
        var value: Double
        /// The value as the chart writes it ("12", "0.254").
        var shown: String
    }

    /// Unique on the page: the title's and description's ids start with it.
    var id: String
    /// What the chart shows ("Organisations by country").
    var title: String
    /// The bars, in the order drawn (top first).
    var bars: [Bar]

    /// Height of one bar's row, label included, in CSS pixels.
    static let rowHeight = 44
    /// The share of the width the longest bar takes; the rest leaves room for its value.
    static let longestBar = 80.0
    /// Labels longer than this are cut short in the chart (the table gives them whole).
    static let labelLimit = 44

    /// The chart as an `<svg>` element; every text from the content is escaped.
    func svg() -> String {
        let longest = bars.map(\.value).max() ?? 0
        let height = bars.count * Self.rowHeight + 4
        var out = "<svg class=\"chart\" role=\"img\" width=\"100%\" height=\"\(height)\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>"
        let described = bars.map { "\($0.label): \($0.shown)" }.joined(separator: "; ")
        out += "<desc id=\"\(id)-desc\">\(HTML.escape("Bar chart. \(described). The table after the chart gives the same figures."))</desc>"
        for (row, bar) in bars.enumerated() {
            let top = row * Self.rowHeight
            // A bar with any value stays visible, however small beside the longest.
            let length = longest > 0 && bar.value > 0 ? max(0.5, bar.value / longest * Self.longestBar) : 0
            let percent = Self.percent(length)
            out += "<text class=\"chart-label\" x=\"0\" y=\"\(top + 16)\">\(HTML.escape(Self.shortened(bar.label)))</text>"
            out += "<rect class=\"chart-bar\" x=\"0\" y=\"\(top + 22)\" width=\"\(percent)%\" height=\"14\" rx=\"2\"></rect>"
            out += "<text class=\"chart-value\" x=\"\(percent)%\" dx=\"6\" y=\"\(top + 34)\">\(HTML.escape(bar.shown))</text>"
        }
        return out + "</svg>"
    }

    /// A label cut at `labelLimit` characters, with an ellipsis.
    static func shortened(_ label: String) -> String {
        label.count <= labelLimit ? label : String(label.prefix(labelLimit - 1)) + "…"
    }

    /// A percentage with at most two decimals, written the same on every machine.
    static func percent(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        let decimals = fraction == 0 ? "" : fraction < 10 ? ".0\(fraction)" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction)"
        return "\(hundredths / 100)" + decimals
    }
}
