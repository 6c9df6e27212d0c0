// Runs epubcheck on every EPUB named on the command line inside one JVM (one
// process start and one schema load instead of one per book) and prints one
// line per book: "PATH<TAB>F fatals / E errors / W warnings". Messages go to
// standard error as epubcheck prints them.
//
//   java -cp epubcheck.jar tests/tools/EpubcheckBatch.java a.epub b.epub

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubcheckBatch {
  public static void main(String[] args) {
    for (String path : args) {
      DefaultReportImpl report = new DefaultReportImpl(path);
      new EpubCheck(new File(path), report).doValidate();
      System.out.printf(
          "%s\t%d fatals / %d errors / %d warnings%n",
          path, report.getFatalErrorCount(), report.getErrorCount(), report.getWarningCount());
    }
  }
}
