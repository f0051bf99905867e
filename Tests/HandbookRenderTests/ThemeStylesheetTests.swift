import Foundation
import HandbookTestSupport
import Testing

/// The default theme's stylesheet is well formed: a missing brace makes browsers drop every rule after it
/// silently (a layout test cannot see colours that quietly fall back), so it is checked here.
@Suite struct ThemeStylesheetTests {
    @Test func bracesBalanceAndBlocksNestAtMostTwoDeep() throws {
        let css = try String(contentsOf: SharedFolder.packageRoot.appendingPathComponent("themes/default/assets/style.css"), encoding: .utf8)
        var depth = 0, deepest = 0, inComment = false
        let characters = Array(css.unicodeScalars)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if inComment {
                if character == "*" && next == "/" { inComment = false; index += 1 }
            } else if character == "/" && next == "*" {
                inComment = true
                index += 1
            } else if character == "{" {
                depth += 1
                deepest = max(deepest, depth)
            } else if character == "}" {
                depth -= 1
                #expect(depth >= 0, "a closing brace without an opening one near character \(index)")
            }
            index += 1
        }
        #expect(!inComment, "a comment is never closed")
        #expect(depth == 0, "\(depth) block(s) never closed")
        // The theme nests rules only inside @media: anything deeper is a brace left open.
        #expect(deepest <= 2)
    }
}
