// A tutorial's pictures open enlarged like a question's (zoom.js): the « Agrandir l'image »
// button goes after each picture, and a tap on the picture opens it too. Without JavaScript
// the picture stays as it is, full width of the text.
import { zoomButton } from "./zoom.js";

for (const img of document.querySelectorAll(".prose figure > img")) {
  img.after(zoomButton(img));
}
