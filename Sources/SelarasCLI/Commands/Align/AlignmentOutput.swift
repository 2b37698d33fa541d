import Foundation
import Selaras

/// Renders aligned articles as tsv, json or tmx.
struct AlignmentOutput {
  let format: Align.Format
  let minScore: Double
  let pairsOnly: Bool
  let sourceLanguage: LanguageTag
  let targetLanguage: LanguageTag
  var file: OutputFile
  private var tmx: any UnitWriter { MemoryFormat.tmx.writer(source: sourceLanguage, target: targetLanguage) }

  init(
    format: Align.Format, minScore: Double, pairsOnly: Bool, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
    file: OutputFile
  ) {
    self.format = format
    self.minScore = minScore
    self.pairsOnly = pairsOnly
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
      // The score filters pairs; an unpaired sentence's score says how sure it is to have no
      // counterpart, which is no reason to hide it.
      for bead in article.beads where bead.isNull ? !pairsOnly : bead.score >= minScore {
        let (source, target) = article.texts(of: bead)
        // In a batch, a fourth column names the document.
        file.write("\(source)\t\(target)\t\(DecimalNumber(bead.score).literal)\(name.map { "\t" + $0 } ?? "")\n")
      }
    case .json:
      let document = AlignmentDocument(article, resources: MachineResources.forLexicon)
      file.write(try OrderedJSONEncoder(layout: [.itemsOnLines, .membersOnLines]).encode(document) + "\n")
    case .tmx:
      // The pairs with their score, and in a batch their document; the tool is the header's.
      let units = article.translationUnits(
        document: name, minimumScore: minScore, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
        creationTool: nil)
      let writer = tmx
      for unit in units {
        file.write { writer.append(unit, to: &$0) }
      }
    }
  }

  mutating func finish() throws {
    if format == .tmx { file.write(tmx.footer()) }
    try file.finish()
  }
}
