package dev.openrouter4j.internal;

import java.io.IOException;
import java.util.List;

/** The stages in order; the last one must answer without proceeding. */
public final class Pipeline {
  private final List<Interceptor> stages;

  public Pipeline(List<Interceptor> stages) {
    this.stages = List.copyOf(stages);
  }

  public RawResponse execute(HttpCall call) throws IOException {
    return new RealChain(0, call).proceed(call);
  }

  private final class RealChain implements Interceptor.Chain {
    private final int index;
    private final HttpCall call;

    RealChain(int index, HttpCall call) {
      this.index = index;
      this.call = call;
    }

    @Override
    public HttpCall call() {
      return call;
    }

    @Override
    public RawResponse proceed(HttpCall next) throws IOException {
      if (index >= stages.size()) {
        throw new IllegalStateException("the last stage must not proceed");
      }
      return stages.get(index).intercept(new RealChain(index + 1, next));
    }
  }
}
