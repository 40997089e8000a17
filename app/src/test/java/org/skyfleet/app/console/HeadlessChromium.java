package org.skyfleet.app.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (1920x1080 unless asked otherwise) through its chromedriver: Debian's {@code chromium} and
 * {@code chromium-driver} by default, or {@code CHROME_BIN} / {@code CHROMEDRIVER}. Without them a
 * test is skipped with the reason, except on CI ({@code CI=true}), where a missing browser fails it.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** A page in Chinese drawn without a CJK font is boxes: fontconfig must know one (apt-get install fonts-wqy-microhei). */
    private static void requireChineseFont() {
        String fonts;
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
            fonts = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            p.waitFor();
        } catch (java.io.IOException e) {
            fonts = "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fonts = "";
        }
        if (fonts.isEmpty()) {
            String why = "no Chinese font for the zh-CN screenshots (apt-get install fonts-wqy-microhei)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    static ChromeDriver start() {
        return start("en-US", 1920, 1080);
    }

    /**
     * @param language the browser's language (navigator.languages), e.g. zh-CN; null: the machine's
     * @param width    the page's width in CSS pixels
     * @param height   the page's height in CSS pixels
     */
    static ChromeDriver start(String language, int width, int height) {
        if (language != null && language.startsWith("zh")) {
            requireChineseFont();
        }
        Map<String, String> env = System.getenv();
        Path browser = Path.of(env.getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        Path driver = Path.of(env.getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
            String why = "no headless browser: need " + browser + " and " + driver
                    + " (apt-get install chromium chromium-driver, or set CHROME_BIN and CHROMEDRIVER)";
            if ("true".equalsIgnoreCase(env.get("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--window-size=" + width + "," + height, "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--force-device-scale-factor=1", "--no-first-run", "--disable-extensions");
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // --window-size is the outer window: grow it so the page itself gets 1920x1080
        Number chromeHeight = (Number) chrome.executeScript("return window.outerHeight - window.innerHeight;");
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, height + chromeHeight.intValue()));
        return chrome;
    }
}
