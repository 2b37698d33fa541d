import ArgumentParser
import Selaras

extension TM {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the memory as TMX 1.4b, streaming, to a file written atomically.")

    @Option(help: "The TMX file to write, or - for standard output.")
    var output: String

    @Option(help: "The source language of the TMX: units stored the other way round are turned.")
    var sourceLang: LanguageTag = .english

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try sourceLang.validateSupported("--source-lang")
    }

    func run() throws {
      let memory = try store.memoryToRead()
      let target: LanguageTag = sourceLang == .english ? .indonesian : .english
      let writer = MemoryFormat.tmx.writer(source: sourceLang, target: target)
      var file = OutputFile(output)
      file.write(writer.header())
      try memory.forEachUnit { unit in
        file.write { writer.append(unit.turned(toSource: sourceLang), to: &$0) }
      }
      file.write(writer.footer())
      try file.finish()
    }
  }
}
