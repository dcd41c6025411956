builtins.unsafeDiscardOutputDependency { __toString = s: "coerced"; }
