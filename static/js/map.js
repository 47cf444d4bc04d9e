/* The map of places: progressive enhancement of the accessible list beside it (Leaflet, tiles from settings).
   Nothing is asked of the tile server, and Leaflet is not even loaded, until the person presses « Afficher la
   carte »; the choice is remembered for the rest of the browsing session. */
(function () {
  "use strict";
  var container = document.getElementById("carte");
  var toggle = document.querySelector(".map-toggle");
  var source = container && document.getElementById(container.dataset.features);
  if (!source || !toggle) return;
  var REMEMBERED = "carte-affichee";

  function remembered() {
    try {
      return window.sessionStorage.getItem(REMEMBERED) === "1";
    } catch (error) {
      return false; // storage refused (private browsing): ask again
    }
  }

  function remember() {
    try {
      window.sessionStorage.setItem(REMEMBERED, "1");
    } catch (error) {
      // not remembered: the button comes back on the next page
    }
  }

  function loadLeaflet(then) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = container.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = container.dataset.leafletJs;
    script.onload = then;
    document.head.appendChild(script);
  }

  function draw() {
    var data = JSON.parse(source.textContent);
    container.classList.add("map-ready"); // shown only now: until then, the list stands alone
    var map = L.map(container, { scrollWheelZoom: false });
    L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.tileAttribution, maxZoom: 18 }).addTo(map);

    var sessionStyle = { radius: 8, color: "#7a3e00", weight: 2, fillColor: "#f5a623", fillOpacity: 0.9 };
    var layer = L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        if (feature.properties.kind === "permanence") {
          return L.circleMarker(latlng, sessionStyle);
        }
        return L.marker(latlng, { title: feature.properties.name, alt: feature.properties.name });
      },
      onEachFeature: function (feature, marker) {
        var popup = document.createElement("div");
        var link = document.createElement("a");
        link.href = feature.properties.url;
        link.textContent = feature.properties.name;
        popup.appendChild(link);
        if (feature.properties.detail) {
          var detail = document.createElement("p");
          detail.textContent = feature.properties.detail;
          popup.appendChild(detail);
        }
        marker.bindPopup(popup);
      }
    }).addTo(map);

    if (data.features.length) {
      // The page of the list, and the place searched (its radius may reach far beyond one zoom level).
      var bounds = layer.getBounds();
      if (data.center) bounds.extend(data.center);
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
    } else if (data.center) {
      map.setView(data.center, 11);
    } else {
      map.setView([46.6, 2.4], 5);
    }
  }

  function show(byHand) {
    toggle.hidden = true;
    remember();
    loadLeaflet(function () {
      draw();
      if (byHand) container.focus(); // the button is gone: keyboard users land on the map
    });
  }

  if (remembered()) {
    show(false);
  } else {
    toggle.hidden = false;
    toggle.querySelector("button").addEventListener("click", function () {
      show(true);
    });
  }
})();
