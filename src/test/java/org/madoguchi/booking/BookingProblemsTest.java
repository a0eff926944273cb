package org.madoguchi.booking;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.madoguchi.common.web.ApiExceptionHandler;
import org.madoguchi.units.InstrumentBookingRules;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** How a refused or lost booking reaches an API caller: through the application's problem-details mapping. */
class BookingProblemsTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @RestController
  static class Refusing {

    @PostMapping("/api/test/refused")
    void refused() {
      InstrumentBookingRules hourly = new InstrumentBookingRules(
          Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofMinutes(120), Duration.ofHours(24), Duration.ofHours(48));
      Instant now = Instant.parse("2026-03-02T00:00:00Z");
      throw new BookingRefusedException(new SlotRules(TOKYO).check(
          hourly, now, Instant.parse("2026-03-04T01:30:00Z"), Instant.parse("2026-03-04T05:30:00Z")));
    }

    @PostMapping("/api/test/taken")
    void taken() {
      throw new SlotUnavailableException("Titan Krios G4 (Osaka)", "2026-03-04 10:00 (Asia/Tokyo)", "2026-03-04 12:00 (Asia/Tokyo)");
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
      .setControllerAdvice(new ApiExceptionHandler(messages()))
      .build();

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages", "i18n/booking");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Test
  void brokenRulesAre422NamingEachFieldAndRule() throws Exception {
    mvc.perform(post("/api/test/refused").header("Accept-Language", "en"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.type").value("urn:madoguchi:problem:rule-violation"))
        .andExpect(jsonPath("$.title").value("Not allowed by the rules"))
        .andExpect(jsonPath("$.errors[0].field").value("start"))
        .andExpect(jsonPath("$.errors[0].rule").value("grid"))
        .andExpect(jsonPath("$.errors[0].message")
            .value("2026-03-04 10:30 (Asia/Tokyo) is not on the booking grid of this instrument (every 60 minutes from midnight)."))
        .andExpect(jsonPath("$.errors[1].field").value("end"))
        .andExpect(jsonPath("$.errors[1].rule").value("grid"))
        .andExpect(jsonPath("$.errors[2].field").value("end"))
        .andExpect(jsonPath("$.errors[2].rule").value("max-length"))
        .andExpect(jsonPath("$.errors[2].message")
            .value("The session of 240 minutes is longer than this instrument allows (120 minutes)."));
  }

  @Test
  void brokenRulesAreExplainedInJapanese() throws Exception {
    mvc.perform(post("/api/test/refused").header("Accept-Language", "ja"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.title").value("規則により受け付けられません"))
        .andExpect(jsonPath("$.errors[2].rule").value("max-length"))
        .andExpect(jsonPath("$.errors[2].message").value("240 分の利用は、この装置の最長利用時間（120 分）を超えています。"));
  }

  @Test
  void aLostSlotIs409SlotUnavailable() throws Exception {
    mvc.perform(post("/api/test/taken").header("Accept-Language", "en"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:madoguchi:problem:state-conflict"))
        .andExpect(jsonPath("$.detail").value(
            "The slot 2026-03-04 10:00 (Asia/Tokyo) to 2026-03-04 12:00 (Asia/Tokyo) on Titan Krios G4 (Osaka) is no longer"
                + " available: another booking holds part of it. Please choose another slot."));
    mvc.perform(post("/api/test/taken").header("Accept-Language", "ja"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(
            "Titan Krios G4 (Osaka) の 2026-03-04 10:00 (Asia/Tokyo) から 2026-03-04 12:00 (Asia/Tokyo) までの枠は、"
                + "ほかの予約と重なるため予約できなくなりました。別の枠を選んでください。"));
  }
}
