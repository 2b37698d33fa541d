import Foundation

/// The glossaries shipped with Selaras: the read-only base layer under the user's store.
public enum BundledGlossaries {
  /// `news-id-en.tsv`: Indonesian news terminology with English equivalents (OmegaT TSV).
  public static var newsIndonesianEnglish: URL? {
    Bundle.module.url(forResource: "news-id-en", withExtension: "tsv")
  }
}
