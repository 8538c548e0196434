package dev.korescore.cli.testkit;

import dev.korescore.cli.common.CliException;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.FaultPlan;
import java.time.Duration;
import java.util.Locale;

/**
 * A {@code --fault} value: {@code KIND[:ARG][*N|*always]}. Kinds: an error status ({@code 429}, {@code
 * 500}, {@code 503}, with {@code :2s} for a {@code Retry-After} in seconds), {@code truncated}, {@code
 * malformed}, {@code unauthorized}, {@code duplicate:N}, {@code latency:200ms}. Without a count a fault
 * hits the next request only; faults hit requests in the order given.
 */
record FaultSpec(Fault fault, int times, boolean always) {
  static final String HELP =
      "KIND[:ARG][*N|*always]; KIND: an error status (429, 500, 503; 429:2s adds Retry-After: 2), truncated, "
          + "malformed, unauthorized, duplicate:N, latency:MS. Example: --fault 429:1s --fault 500*2 --fault latency:200*always";

  static FaultSpec parse(String text) {
    String spec = text.strip().toLowerCase(Locale.ROOT);
    int times = 1;
    boolean always = false;
    int star = spec.indexOf('*');
    if (star >= 0) {
      String count = spec.substring(star + 1);
      spec = spec.substring(0, star);
      if (count.equals("always")) {
        always = true;
      } else {
        times = positive(text, count);
      }
    }
    String kind = spec;
    String arg = null;
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      kind = spec.substring(0, colon);
      arg = spec.substring(colon + 1);
    }
    Fault fault;
    switch (kind) {
      case "truncated":
        fault = Fault.truncatedBody();
        break;
      case "malformed":
        fault = Fault.malformedBody();
        break;
      case "unauthorized":
      case "401":
        fault = Fault.unauthorized();
        break;
      case "duplicate":
        fault = Fault.duplicateAcrossPages(arg == null ? 5 : positive(text, arg));
        break;
      case "latency":
        if (arg == null) {
          throw usage(text);
        }
        fault = Fault.latency(Duration.ofMillis(positive(text, arg.replace("ms", ""))));
        break;
      default:
        int status = positive(text, kind);
        if (status < 400 || status > 599) {
          throw usage(text);
        }
        Fault.Status error = Fault.status(status);
        fault = arg == null ? error : error.retryAfter(Duration.ofSeconds(positive(text, arg.replace("s", ""))));
    }
    return new FaultSpec(fault, times, always);
  }

  void applyTo(FaultPlan plan) {
    if (always) {
      plan.always(fault);
    } else {
      plan.next(times, fault);
    }
  }

  String describe() {
    return fault.describe() + (always ? " on every request" : times == 1 ? " once" : " x" + times);
  }

  private static int positive(String text, String number) {
    try {
      int value = Integer.parseInt(number.strip());
      if (value < 0) {
        throw usage(text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw usage(text);
    }
  }

  private static CliException usage(String text) {
    return CliException.usage("--fault must be " + HELP + "; was '" + text + "'");
  }
}
