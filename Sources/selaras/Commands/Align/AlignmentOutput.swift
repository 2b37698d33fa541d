import Foundation
import Selaras

/// Renders aligned articles as tsv, json or tmx.
struct AlignmentOutput {
  let format: Align.Format
  let minScore: Double
  let sourceLanguage: LanguageTag
  let targetLanguage: LanguageTag
  var file: OutputFile
  private var tmx: TMXWriter { TMXWriter(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }

  init(format: Align.Format, minScore: Double, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, file: OutputFile) {
    self.format = format
    self.minScore = minScore
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.file = file
  }

  mutating func begin() {
    if format == .tmx { file.write(tmx.header()) }
  }

  mutating func write(_ article: AlignedArticle, name: String?) throws {
    switch format {
    case .tsv:
      for bead in article.beads where bead.score >= minScore {
        let (source, target) = article.texts(of: bead)
        file.write("\(source)\t\(target)\t\(DecimalNumber(bead.score).literal)\n")
      }
    case .json:
      file.write(try OrderedJSONEncoder(layout: [.itemsOnLines, .membersOnLines]).encode(AlignmentDocument(article, resources: MachineResources.forLexicon)) + "\n")
    case .tmx:
      for bead in article.beads where !bead.isNull && bead.score >= minScore {
        let (source, target) = article.texts(of: bead)
        var properties = [("score", DecimalNumber(bead.score).literal)]
        if let name { properties.append(("document", name)) }
        file.write(tmx.unit(TMXUnit(source: source, target: target, properties: properties)))
      }
    }
  }

  mutating func finish() throws {
    if format == .tmx { file.write(tmx.footer()) }
    try file.finish()
  }
}
