import ArgumentParser
import Selaras

extension TM {
  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Remove units from the memory by id, or every unit of a document, in one step.",
      discussion: """
        IDs are the last column of tm search and tm concordance (their "id" in json). Each unit \
        removed is listed; ids not in the memory are named on stderr. The document is what tm stats \
        and the origin column show (align --save names it after the file: economy.en.txt → economy).
        lines: id<TAB>source<TAB>target<TAB>origin, per unit removed.
        json:  {"removed":[{"source":…, "target":…, "origin":…, "id":…}], "store":"…"}

        Examples:
          selaras tm delete 412 413
          selaras tm delete --document economy-bi-rate --json
        """)

    @Argument(help: "The ids of the units to remove.")
    var ids: [Int64] = []

    @Option(help: "Remove every unit of this document instead.")
    var document: String?

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard ids.isEmpty != (document == nil) else { throw ValidationError("give unit IDs or --document NAME") }
    }

    private struct Output: Encodable {
      var removed: [UnitOutput]
      var store: String
    }

    func run() async throws {
      let memory = try await store.memoryToChange()
      let removed =
        if let document { try await memory.deleteUnits(document: document) } else {
          try await memory.deleteUnits(ids: ids)
        }
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(
          Output(removed: removed.map { UnitOutput($0.unit, id: $0.id) }, store: store.name), layout: .itemsOnLines)
      } else {
        for unit in removed {
          standardOutput.write("\(unit.id)\t" + UnitOutput(unit.unit).line)
        }
      }
      standardOutput.flush()
      let missing = Set(ids).subtracting(removed.map(\.id)).sorted()
      if !missing.isEmpty {
        printError("no unit \(missing.map(String.init).joined(separator: ", ")) in \(store.name)")
      }
      if let document, removed.isEmpty { printError("no unit of document '\(document)' in \(store.name)") }
      printError("\(removed.count) unit\(removed.count == 1 ? "" : "s") removed from \(store.name)")
    }
  }
}
