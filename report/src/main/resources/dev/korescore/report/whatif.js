(function () {
  "use strict";
  var select = document.getElementById("flip-filter");
  var count = document.getElementById("flip-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#flip-table tbody tr"));
  function readHash() {
    var m = /(?:^|&)flip=([A-Z_]*)/.exec(location.hash.replace(/^#/, ""));
    return m ? m[1] : "";
  }
  function apply(direction) {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = !direction || row.getAttribute("data-flip") === direction;
      row.hidden = !visible;
      if (visible) { shown++; }
    });
    if (count) { count.textContent = shown + " of " + rows.length + " shown"; }
  }
  if (select) {
    var initial = readHash();
    if (initial === "PASS_TO_FAIL" || initial === "FAIL_TO_PASS") { select.value = initial; }
    select.addEventListener("change", function () {
      history.replaceState(null, "", select.value ? "#flip=" + select.value : "#");
      apply(select.value);
    });
    apply(select.value);
  }
  document.body.setAttribute("data-report-ready", "true");
})();
