package dev.korescore.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SVG chart as plain shapes, for the {@code chart} template to draw. Coordinates are formatted here;
 * every text (labels, tooltips) goes to the template, which escapes it.
 */
final class Svg {
  private final String id;
  private final String title;
  private final int width;
  private final int height;
  private final List<Map<String, Object>> lines = new ArrayList<>();
  private final List<Map<String, Object>> rects = new ArrayList<>();
  private final List<Map<String, Object>> polylines = new ArrayList<>();
  private final List<Map<String, Object>> circles = new ArrayList<>();
  private final List<Map<String, Object>> texts = new ArrayList<>();

  Svg(String id, String title, int width, int height) {
    this.id = id;
    this.title = title;
    this.width = width;
    this.height = height;
  }

  Svg line(double x1, double y1, double x2, double y2, String cls) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x1", Format.coord(x1));
    m.put("y1", Format.coord(y1));
    m.put("x2", Format.coord(x2));
    m.put("y2", Format.coord(y2));
    m.put("cls", cls);
    lines.add(m);
    return this;
  }

  Svg rect(double x, double y, double w, double h, String cls, String tip) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", Format.coord(x));
    m.put("y", Format.coord(y));
    m.put("w", Format.coord(Math.max(0, w)));
    m.put("h", Format.coord(Math.max(0, h)));
    m.put("cls", cls);
    m.put("tip", tip);
    rects.add(m);
    return this;
  }

  Svg polyline(List<double[]> points, String cls) {
    StringBuilder sb = new StringBuilder();
    for (double[] p : points) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Format.coord(p[0])).append(',').append(Format.coord(p[1]));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("points", sb.toString());
    m.put("cls", cls);
    polylines.add(m);
    return this;
  }

  Svg circle(double cx, double cy, double r, String cls, String tip) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cx", Format.coord(cx));
    m.put("cy", Format.coord(cy));
    m.put("r", Format.coord(r));
    m.put("cls", cls);
    m.put("tip", tip);
    circles.add(m);
    return this;
  }

  /** A text; {@code anchor} is start, middle or end; {@code rotate} turns it -90 degrees about (x, y). */
  Svg text(double x, double y, String text, String anchor, String cls, boolean rotate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", Format.coord(x));
    m.put("y", Format.coord(y));
    m.put("text", text);
    m.put("anchor", anchor);
    m.put("cls", cls);
    m.put("transform", rotate ? "rotate(-90 " + Format.coord(x) + " " + Format.coord(y) + ")" : "");
    texts.add(m);
    return this;
  }

  Svg text(double x, double y, String text, String anchor, String cls) {
    return text(x, y, text, anchor, cls, false);
  }

  int shapeCount() {
    return lines.size() + rects.size() + polylines.size() + circles.size();
  }

  Map<String, Object> view() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    m.put("width", Integer.toString(width));
    m.put("height", Integer.toString(height));
    m.put("lines", lines);
    m.put("rects", rects);
    m.put("polylines", polylines);
    m.put("circles", circles);
    m.put("texts", texts);
    return m;
  }
}
