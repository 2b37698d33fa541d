import ArgumentParser
import Selaras

extension TM {
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the memory as TMX 1.4b, streaming, to standard output or a file written atomically.",
      discussion: """
        The TMX's source language is the store's (en for a new store) unless --source-lang names the \
        other; units stored the other way round are turned.

        Examples:
          selaras tm export > memory.tmx
          selaras tm export --output omegat/tm/selaras.tmx --source-lang en
        """)

    @Option(help: "The TMX file to write, or - for standard output (the default).")
    var output = "-"

    @Option(help: "The source language of the TMX: units stored the other way round are turned.")
    var sourceLang: LanguageTag?

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try sourceLang?.validateSupported("--source-lang")
    }

    func run() async throws {
      let memory = try await store.memoryToRead()
      let sourceLang = if let given = self.sourceLang { given } else { try await store.direction().source }
      let target = sourceLang.other
      let writer = MemoryFormat.tmx.writer(source: sourceLang, target: target)
      var file = OutputFile(output)
      file.write(writer.header())
      try await memory.forEachUnit { unit in
        file.write { writer.append(unit.turned(toSource: sourceLang), to: &$0) }
      }
      file.write(writer.footer())
      try file.finish()
    }
  }
}
