import Foundation
@testable import HandbookBuild
import HandbookModel
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rebuild takes the standby's listing from its state instead of listing it (`Standby.openFromState`) only
/// while nothing in the standby changed since it was sealed; a file of the standby added, removed or replaced by
/// hand, at the top or below, is noticed, and the rebuild still writes the fresh build's bytes.
@Suite struct StandbyListingTests {
    typealias Place = KeptOutputTests.Place

    /// The standby's state, and whether `openFromState` takes the listing from it, the standby renamed to the
    /// staging folder as a build opens it (and back).
    static func takesTheListing(_ place: Place) throws -> Bool {
        let location = OutputLocation(place.output)
        let state = try #require(BuildState(decoding: Array(try Data(contentsOf: URL(fileURLWithPath: location.standby + "/" + BuildState.fileName)))))
        // As `Standby.open` does: the standby renamed to the staging folder, its own files out of it (here, aside).
        let aside = place.directory.path + "/aside"
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
        for name in Standby.records { rename(location.standby + "/" + name, aside + "/" + name) }
        guard rename(location.standby, location.staging) == 0 else { return false }
        defer {
            rename(location.staging, location.standby)
            for name in Standby.records { rename(aside + "/" + name, location.standby + "/" + name) }
        }
        let found = try Standby.openFromState(state, location)
        if let listed = found.standby {
            // The listing is the standby's as a full listing gives it.
            var scanned = try OutputTree(scanning: location.staging)
            scanned.files.subtract([OutputWriter.marker] + Standby.records)
            for name in Standby.records { scanned.inodes[name] = nil }
            #expect(listed.files == scanned.files && listed.folders == scanned.folders && listed.inodes == scanned.inodes)
        }
        return found.standby != nil
    }

    static func built(_ place: Place) throws -> String {
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        return place.directory.path + "/.site.standby"
    }

    @Test func aStandbyAsSealedIsNotListed() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try Self.built(place)
        #expect(try Self.takesTheListing(place))
        try place.edit("organisations/example-network.md") { $0 + "\nListed once.\n" }
        _ = try place.rebuild("a body edited")
        #expect(try Self.takesTheListing(place))
    }

    /// A stray file in one of the standby's folders, or at its top: noticed, never published, and once the
    /// standby is a copy again its listing is taken from the state again.
    @Test(arguments: ["organisations/stray.html", "stray.html"])
    func aFileAddedToTheStandbyIsNoticed(_ path: String) throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let standby = try Self.built(place)
        try "stray".write(toFile: standby + "/" + path, atomically: false, encoding: .utf8)
        #expect(try !Self.takesTheListing(place))
        _ = try place.rebuild("\(path) added to the standby")
        _ = try place.rebuild("nothing changed after that")
        #expect(!FileManager.default.fileExists(atPath: place.output + "/" + path))
        #expect(try Self.takesTheListing(place))
    }

    @Test func aFileRemovedFromTheStandbyIsNoticed() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let standby = try Self.built(place)
        try FileManager.default.removeItem(atPath: standby + "/organisations/example-lab/index.html")
        #expect(try !Self.takesTheListing(place))
        _ = try place.rebuild("a page removed from the standby")
        #expect(FileManager.default.fileExists(atPath: place.output + "/organisations/example-lab/index.html"))
    }

    /// Replaced by another file of the same name, its folder's times set back: the change time still moves.
    @Test func aFileReplacedInTheStandbyIsNoticed() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let standby = try Self.built(place)
        let folder = standby + "/organisations/example-lab"
        let before = try #require(try FileManager.default.attributesOfItem(atPath: folder)[.modificationDate] as? Date)
        try FileManager.default.removeItem(atPath: folder + "/index.html")
        try "replaced".write(toFile: folder + "/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: folder)
        #expect(try !Self.takesTheListing(place))
        _ = try place.rebuild("a page replaced in the standby, its folder's time set back")
    }

    @Test func aTopFileReplacedInTheStandbyIsNoticed() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let standby = try Self.built(place)
        try FileManager.default.removeItem(atPath: standby + "/404.html")
        try "replaced".write(toFile: standby + "/404.html", atomically: false, encoding: .utf8)
        #expect(try !Self.takesTheListing(place))
        _ = try place.rebuild("the 404 page replaced at the standby's top")
        #expect(try String(contentsOfFile: place.output + "/404.html", encoding: .utf8) != "replaced")
    }
}
