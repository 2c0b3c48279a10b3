/** The Web Worker that reads a reader's file: the reading service, exposed with Comlink. */
import * as Comlink from "comlink";
import { createReader } from "./reader";

Comlink.expose(createReader());
