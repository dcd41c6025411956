# differs-from-2.8: sysnix reports where the error happened; Nix 2.8 gives no position for it
"${./does-not-exist}"
