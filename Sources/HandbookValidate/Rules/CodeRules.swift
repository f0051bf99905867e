import Foundation
import HandbookModel

/// Country, subdivision, jurisdiction, currency, time-zone and language codes.
enum CountryRule {
    static let id = "country"
    /// The code an organisation with no single home country uses (as policies use it for jurisdictions).
    static let international = Jurisdictions.international

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if ISOCodes.countryNames[text] != nil { return true }
        let upper = text.uppercased()
        if ISOCodes.countryNames[upper] != nil {
            reporter.error(id, position, "'\(name)' must be an upper-case ISO 3166-1 code: write '\(upper)'")
        } else if let code = ISOCodes.countryNames.first(where: { $0.value.lowercased() == text.lowercased() })?.key {
            reporter.error(id, position, "'\(name)' must be an ISO 3166-1 code: write '\(code)' for \(text)")
        } else if text == "UK" {
            reporter.error(id, position, "'\(name)': the ISO 3166-1 code of the United Kingdom is 'GB'")
        } else {
            reporter.error(id, position, "'\(text.excerpt)' is not an ISO 3166-1 alpha-2 country code (such as GB, BE, US)")
        }
        return false
    }
}

/// Regions: an ISO 3166-2 code of the entry's country, or free text.
enum RegionRule {
    static let id = "region"

    /// True when the text is shaped like an ISO 3166-2 code (`GB-SCT`), so it is checked as one.
    static func looksLikeCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 2 && parts[0].allSatisfy { $0.isASCII && $0.isUppercase }
            && (1...3).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        guard looksLikeCode(text) else { return true }
        if ISOCodes.subdivisionNames[text] != nil { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not an ISO 3166-2 subdivision code; use a code from ISO 3166-2 (such as GB-SCT) or write the region's name")
        return false
    }
}

/// Jurisdictions of policies: a country, a subdivision, or EU, UN, INT.
enum JurisdictionRule {
    static let id = "jurisdiction"
    static let international = Jurisdictions.all

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if international.contains(text) || ISOCodes.countryNames[text] != nil || ISOCodes.subdivisionNames[text] != nil {
            return true
        }
        reporter.error(id, position, "'\(text.excerpt)' is not a jurisdiction; use an ISO 3166-1 code (GB), an ISO 3166-2 code (GB-SCT), or EU, UN, INT")
        return false
    }
}

/// Currencies are ISO 4217 codes.
enum CurrencyRule {
    static let id = "currency"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if ISOCodes.currencyNames[text] != nil { return true }
        let hint = ISOCodes.currencyNames[text.uppercased()] != nil ? "write '\(text.uppercased())'"
            : "use an ISO 4217 code such as GBP, EUR or USD"
        reporter.error(id, position, "'\(text.excerpt)' is not an ISO 4217 currency code; \(hint)")
        return false
    }
}

/// Time zones are IANA names that Foundation knows.
enum TimeZoneRule {
    static let id = "timezone"
    static let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if known.contains(text) { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not an IANA time zone; " + (Suggestion.closest(to: text, in: known).map { "did you mean '\($0)'?" } ?? "write a name such as Europe/London"))
        return false
    }
}

/// Languages are BCP 47 tags.
enum LanguageRule {
    static let id = "language"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        if valid { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not a BCP 47 language tag such as en-GB")
        return false
    }
}
