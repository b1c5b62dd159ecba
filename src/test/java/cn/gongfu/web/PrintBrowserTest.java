package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.BrowserTest;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.print.PrintOptions;

/**
 * Issue 14: a dashboard, a plan and a workbench print on A4 without the navigation, the forms and the buttons. Printed
 * by Chromium itself (the print stylesheet, not a screenshot), read back with PDFBox.
 */
class PrintBrowserTest extends BrowserTest {

    @Test
    void pagesPrintOnA4WithoutTheNavigation() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("leader");
        for (String page : new String[] {"/workbench", "/plans", "/dashboard"}) {
            browser.get(url(page));
            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
            byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).as(page + " prints without the navigation").doesNotContain("退出", "English", "工作台");
                assertThat(text).as(page + " prints its content").contains("共富");
                if (!page.equals("/dashboard")) {
                    assertThat(doc.getNumberOfPages()).as(page + " pages").isLessThanOrEqualTo(3);
                }
            }
        }
    }
}
