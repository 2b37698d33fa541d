import ArgumentParser

@main
struct SelarasCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selaras",
    abstract: "Indonesian ⇄ English translation memory and terminology for news.",
    version: "0.1.0",
    subcommands: [
      Segment.self, Extract.self, Align.self, Glossary.self, TM.self, LexiconCommand.self, Pretranslate.self, Merge.self, Review.self, Serve.self, Token.self,
    ])
}
