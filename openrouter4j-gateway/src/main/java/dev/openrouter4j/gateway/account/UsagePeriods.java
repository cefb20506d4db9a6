package dev.openrouter4j.gateway.account;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The first days of the UTC day, ISO week (Monday) and month that an instant falls in. */
record UsagePeriods(LocalDate day, LocalDate week, LocalDate month) {
  static UsagePeriods at(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new UsagePeriods(day, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), day.withDayOfMonth(1));
  }

  LocalDate start(LimitReset reset) {
    return switch (reset) {
      case DAILY -> day;
      case WEEKLY -> week;
      case MONTHLY -> month;
    };
  }
}
