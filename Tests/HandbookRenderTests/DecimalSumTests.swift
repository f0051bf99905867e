import HandbookRender
import Testing

@Suite struct DecimalSumTests {
    func sum(_ amounts: [String]) -> String {
        var total = DecimalSum()
        for amount in amounts {
            let added = total.add(amount)
            #expect(added, "\(amount) is a decimal")
        }
        return total.text
    }

    @Test func sumsKeepTheLongestFraction() {
        #expect(sum([]) == "0")
        #expect(sum(["350000"]) == "350000")
        #expect(sum(["0.10", "0.20", "1000", "2.5"]) == "1002.80")
        #expect(sum(["0.1", "0.2"]) == "0.3")
        #expect(sum(["999999999999999", "1"]) == "1000000000000000")
    }

    @Test func longFractionsNeitherTrapNorLoseDigits() {
        #expect(sum(["0.0000000000000000001"]) == "0.0000000000000000001")
        #expect(sum(["0.0000000000000000001", "0.0000000000000000001"]) == "0.0000000000000000002")
        #expect(sum(["123456789012345.12345", "0.0000000000000000001"]) == "123456789012345.1234500000000000001")
        #expect(sum(["123456789012345.12345", "123456789012345.12345"]) == "246913578024690.24690")
        // More than Int64 can hold once scaled: 15 digits before the point and 40 after.
        let long = "999999999999999." + String(repeating: "9", count: 40)
        #expect(sum([long, "0." + String(repeating: "0", count: 39) + "1"]) == "1000000000000000." + String(repeating: "0", count: 40))
        // Ten thousand grants of the largest whole amount check accepts.
        #expect(sum(Array(repeating: "999999999999999", count: 10_000)) == "9999999999999990000")
    }

    @Test func signsAndZeros() {
        #expect(sum(["-0"]) == "0")
        #expect(sum(["0.00"]) == "0.00")
        #expect(sum(["5", "-7.5"]) == "-2.5")
        #expect(sum(["-2.5", "2.5"]) == "0.0")
        #expect(sum(["007", "+1"]) == "8")
    }

    @Test func whatIsNotADecimalIsRefused() {
        for text in ["", ".", "1e5", "1,000", "12.3.4", "--1", "£5", " 1"] {
            var total = DecimalSum()
            total.add("1")
            let added = total.add(text)
            #expect(!added, "\(text)")
            #expect(total.text == "1")
            #expect(DecimalSum(text) == nil)
        }
    }
}
