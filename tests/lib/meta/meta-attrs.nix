let lib = import ../../../lib; in
let pkg = { name = "hello-2.12"; meta = { description = "d"; }; }; in
[ (lib.addMetaAttrs { license = "mit"; description = "new"; } pkg).meta (lib.addMetaAttrs { a = 1; } { }).meta
  (lib.dontDistribute pkg).meta (lib.lowPrio pkg).meta.priority (lib.hiPrio pkg).meta.priority (lib.meta.setPrio 3 { }).meta ]
