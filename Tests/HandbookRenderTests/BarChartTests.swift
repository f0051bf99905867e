@testable import HandbookRender
import Testing

@Suite struct BarChartTests {
    @Test func textFromTheContentIsEscapedAndTheChartIsAnImageWithATextAlternative() {
        let chart = BarChart(id: "chart-x", title: "Organisations <by> country", bars: [
            .init(label: "<script>alert('x')</script>", value: 4, shown: "4"),
            .init(label: "B & C", value: 1, shown: "1"),
        ])
        let svg = chart.svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(svg.hasPrefix("<svg class=\"chart\" role=\"img\" width=\"100%\" height=\"92\" aria-labelledby=\"chart-x-title\" aria-describedby=\"chart-x-desc\">"))
        #expect(svg.contains("<title id=\"chart-x-title\">Organisations &lt;by&gt; country</title>"))
        #expect(svg.contains("<desc id=\"chart-x-desc\">Bar chart. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;: 4; B &amp; C: 1."))
        // The longest bar takes 80 % of the width; the others in proportion, their values after them.
        #expect(svg.contains("width=\"80%\"") && svg.contains("width=\"20%\""))
        #expect(svg.contains("<text class=\"chart-value\" x=\"20%\" dx=\"6\" y=\"78\">1</text>"))
        #expect(!svg.contains("style="))
    }

    @Test func longLabelsAreCutAndTinyBarsStayVisible() {
        let label = String(repeating: "x", count: 60)
        #expect(BarChart.shortened(label).count == BarChart.labelLimit)
        #expect(BarChart.shortened(label).hasSuffix("…"))
        #expect(BarChart.shortened("short") == "short")
        let svg = BarChart(id: "c", title: "T", bars: [.init(label: "a", value: 10_000, shown: "10000"), .init(label: "b", value: 1, shown: "1"),
                                                        .init(label: "c", value: 0, shown: "0")]).svg()
        #expect(svg.contains("width=\"0.5%\"") && svg.contains("width=\"0%\""))
        #expect(BarChart.percent(33.333) == "33.33" && BarChart.percent(5.1) == "5.1" && BarChart.percent(7.05) == "7.05")
    }
}
