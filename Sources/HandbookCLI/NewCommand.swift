import Foundation
import HandbookBuild
import HandbookModel

/// `handbook new TYPE "Name"`: write a scaffold for a new entry, never overwriting.
enum NewCommand {
    static func run(_ arguments: [String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parse(arguments, valued: ["--content"], switches: [], help: Usage.new, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        guard parsed.positionals.count == 2 else {
            return HandbookCommand.usageError("new takes a TYPE and a \"Name\"", help: Usage.new, console: &console)
        }
        let typeName = parsed.positionals[0]
        let name = parsed.positionals[1]
        guard let type = types.type(named: typeName) else {
            let known = types.types.map(\.folder)
            let hint = Suggestion.closest(to: typeName, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return HandbookCommand.usageError("unknown type '\(typeName)'.\(hint)", help: Usage.new, console: &console)
        }
        let slug = Slug.make(from: name)
        guard !slug.isEmpty, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            return HandbookCommand.usageError("the name must contain letters or digits to make a file name from", help: Usage.new, console: &console)
        }
        let content = parsed.value("--content", default: "content")
        let path = "\(content)/\(type.folder)/\(slug).md"
        do {
            try FileWriter.createNew(path, contents: Scaffold.text(for: types[type], name: name))
        } catch {
            console.printError("handbook: \(error.description)")
            return error.reason == .exists ? ExitStatus.contentErrors : ExitStatus.usage
        }
        console.print("Created \(path)")
        console.print("Fill in the required fields, uncomment the optional ones you know, then run: handbook check")
        return ExitStatus.success
    }
}
