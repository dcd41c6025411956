# The trivial builders of nixpkgs (writeText, writeShellScript, runCommand,
# symlinkJoin, buildEnv, …) with nixpkgs' argument names, built without a
# stdenv: every derivation runs the host's /bin/bash with PATH=/usr/bin:/bin,
# so the host's coreutils are the only toolchain.
#
# `mkDerivation` here is the common ground: it takes derivation attributes
# plus `buildCommand` (a bash script run with `$out` set), keeps `meta` and
# `passthru` out of the build environment, and gives the result
# `overrideAttrs`, `meta` and the passthru attributes, as nixpkgs' results
# have them.
{ lib, system, pkgs }:

let
  inherit (lib) escapeShellArg concatStringsSep concatMapStringsSep optionalString;

  # The shell scripts are written for.
  runtimeShell = "/bin/bash";

  # Build-time PATH: the host's tools only.
  hostPath = "/usr/bin:/bin";

  # Environment attributes that never reach the builder.
  nonEnvAttrs = [ "meta" "passthru" "buildCommand" "pname" "version" "finalPackage" ];

  /**
    Make a derivation from nixpkgs-style attributes.

    Recognised: `name` (or `pname` + `version`), `buildCommand` (the build
    script; when absent, the phases `buildPhase`, `installPhase`,
    `fixupPhase` run in order, or, failing those, `mkdir -p $out`),
    `meta`, `passthru`, `passAsFile`; every other attribute becomes an
    environment variable, as for `derivation`.

    A function `finalAttrs: { … }` is accepted as for nixpkgs'
    stdenv.mkDerivation.
  */
  mkDerivation = fnOrAttrs:
    let
      attrs =
        if builtins.isFunction fnOrAttrs
        then lib.fix (final: fnOrAttrs (final // { finalPackage = result; }))
        else fnOrAttrs;

      name = attrs.name or "${attrs.pname}-${attrs.version}";

      phases = concatStringsSep "\n" (lib.filter (s: s != "") [
        (attrs.preBuild or "")
        (attrs.buildPhase or "")
        (attrs.postBuild or "")
        (attrs.preInstall or "")
        (attrs.installPhase or "")
        (attrs.postInstall or "")
        (attrs.fixupPhase or "")
      ]);

      buildCommand =
        if attrs ? buildCommand then attrs.buildCommand
        else if phases != "" then phases
        else "mkdir -p \"$out\"";

      env = removeAttrs attrs nonEnvAttrs // {
        inherit name system buildCommand;
        builder = runtimeShell;
        args = [ "-e" "-c" ". \"$buildCommandPath\"" ];
        PATH = hostPath;
        passAsFile = [ "buildCommand" ] ++ (attrs.passAsFile or [ ]);
      };

      drv = derivation env;

      meta = attrs.meta or { };

      result = drv // (attrs.passthru or { }) // {
        inherit meta;
        passthru = attrs.passthru or { };
        overrideAttrs = f:
          let
            fOnce = f attrs;
            changes = if builtins.isFunction fOnce then f result attrs else fOnce;
          in
          mkDerivation (attrs // changes);
      }
      // lib.optionalAttrs (attrs ? pname) { inherit (attrs) pname; }
      // lib.optionalAttrs (attrs ? version) { inherit (attrs) version; };
    in
    result;

  /**
    runCommand :: string -> attrs -> string -> derivation

    Run `buildCommand` (bash) with the attributes of `env` as environment
    variables; the result is whatever it writes to `$out`.
  */
  runCommand = name: env: buildCommand:
    mkDerivation ({ inherit name buildCommand; } // env);

  runCommandLocal = name: env: runCommand name ({
    preferLocalBuild = true;
    allowSubstitutes = false;
  } // env);

  /**
    writeTextFile { name, text, executable ? false, destination ? "",
                    checkPhase ? "", meta ? { }, allowSubstitutes ? false,
                    preferLocalBuild ? true, derivationArgs ? { } }

    A store file (`$out`, or `$out/<destination>` when destination is set)
    holding `text`; `checkPhase` runs afterwards with `$target` set.
  */
  writeTextFile =
    { name
    , text
    , executable ? false
    , destination ? ""
    , checkPhase ? ""
    , meta ? { }
    , allowSubstitutes ? false
    , preferLocalBuild ? true
    , derivationArgs ? { }
    }:
    assert lib.assertMsg (destination == "" || lib.hasPrefix "/" destination)
      "destination must be an absolute path, relative to the derivation's out path, got '${destination}' instead.";
    mkDerivation ({
      inherit name text executable checkPhase allowSubstitutes preferLocalBuild;
      passAsFile = [ "text" ] ++ (derivationArgs.passAsFile or [ ]);
      meta = lib.optionalAttrs (executable && destination != "" && lib.hasPrefix "/bin/" destination) {
        mainProgram = lib.removePrefix "/bin/" destination;
      } // meta;
      buildCommand = ''
        target=$out${escapeShellArg destination}
        if [ -n ${escapeShellArg destination} ]; then mkdir -p "$(dirname "$target")"; fi
        if [ -e "''${textPath:-}" ]; then
          cat "$textPath" > "$target"
        else
          printf '%s' "$text" > "$target"
        fi
        if [ -n "$executable" ]; then chmod +x "$target"; fi
        eval "$checkPhase"
      '';
    } // removeAttrs derivationArgs [ "passAsFile" ]);

  writeText = name: text: writeTextFile { inherit name text; };

  writeTextDir = path: text: writeTextFile {
    inherit text;
    name = builtins.baseNameOf path;
    destination = "/${path}";
  };

  writeScript = name: text: writeTextFile { inherit name text; executable = true; };

  writeScriptBin = name: text: writeTextFile {
    inherit name text;
    executable = true;
    destination = "/bin/${name}";
    meta.mainProgram = name;
  };

  shellDryRun = "${runtimeShell} -n -O extglob";

  writeShellScript = name: text: writeTextFile {
    inherit name;
    executable = true;
    text = ''
      #!${runtimeShell}
      ${text}
    '';
    checkPhase = ''
      ${shellDryRun} "$target"
    '';
  };

  writeShellScriptBin = name: text: writeTextFile {
    inherit name;
    executable = true;
    destination = "/bin/${name}";
    text = ''
      #!${runtimeShell}
      ${text}
    '';
    checkPhase = ''
      ${shellDryRun} "$target"
    '';
    meta.mainProgram = name;
  };

  /**
    writeShellApplication { name, text, runtimeInputs ? [ ], runtimeEnv ? null,
      meta ? { }, checkPhase ? null, excludeShellChecks ? [ ],
      extraShellCheckFlags ? [ ], bashOptions ? [ "errexit" "nounset" "pipefail" ],
      inheritPath ? true, derivationArgs ? { } }

    `bin/<name>`: a bash script with the bash options set, runtimeInputs'
    bin directories put first on PATH and runtimeEnv exported. The check is
    `bash -n` (the host has no shellcheck to run).
  */
  writeShellApplication =
    { name
    , text
    , runtimeInputs ? [ ]
    , runtimeEnv ? null
    , meta ? { }
    , passthru ? { }
    , checkPhase ? null
    , excludeShellChecks ? [ ]
    , extraShellCheckFlags ? [ ]
    , bashOptions ? [ "errexit" "nounset" "pipefail" ]
    , inheritPath ? true
    , derivationArgs ? { }
    }:
    let
      drv = writeTextFile {
        inherit name meta;
        executable = true;
        destination = "/bin/${name}";
        allowSubstitutes = true;
        preferLocalBuild = false;
        text = ''
          #!${runtimeShell}
          ${concatMapStringsSep "\n" (o: "set -o ${o}") bashOptions}
        '' + optionalString (runtimeEnv != null) (concatStrings (lib.mapAttrsToList
          (n: v: "export ${n}=${escapeShellArg (toString v)}\n") runtimeEnv))
        + optionalString (runtimeInputs != [ ]) ''

          export PATH="${lib.makeBinPath runtimeInputs}${optionalString inheritPath ":$PATH"}"
        '' + ''

          ${text}
        '';
        checkPhase =
          if checkPhase == null then ''
            ${shellDryRun} "$target"
          '' else checkPhase;
        inherit derivationArgs;
      };
    in
    drv // passthru // { meta = drv.meta // { mainProgram = name; }; };

  concatStrings = lib.concatStrings;

  /**
    symlinkJoin { name, paths, postBuild ? "", … }

    One tree holding symlinks to the files of every path (directories are
    merged; the first path providing a file wins).
  */
  symlinkJoin = args@{ name, paths, postBuild ? "", preferLocalBuild ? true, allowSubstitutes ? false, ... }:
    mkDerivation (removeAttrs args [ "paths" ] // {
      inherit name preferLocalBuild allowSubstitutes postBuild;
      pathList = map toString paths;
      passAsFile = [ "pathList" ];
      buildCommand = ''
        mkdir -p "$out"
        for i in $(cat "$pathListPath"); do
          if [ -d "$i" ]; then
            for e in "$i"/* "$i"/.[!.]*; do
              if [ -e "$e" ] || [ -L "$e" ]; then cp -rsn "$e" "$out/"; fi
            done
            chmod -R u+w "$out"
          fi
        done
        eval "$postBuild"
      '';
    });

  /**
    buildEnv { name, paths, pathsToLink ? [ "/" ], postBuild ? "",
               ignoreCollisions ? false, extraOutputsToInstall ? [ ], … }

    symlinkJoin restricted to `pathsToLink` (minimal: no collision checks,
    no propagated packages).
  */
  buildEnv =
    { name
    , paths
    , pathsToLink ? [ "/" ]
    , postBuild ? ""
    , ignoreCollisions ? false
    , extraOutputsToInstall ? [ ]
    , extraPrefix ? ""
    , meta ? { }
    , passthru ? { }
    , ...
    }:
    mkDerivation {
      inherit name meta postBuild;
      passthru = passthru // { inherit paths; };
      pathList = map toString paths;
      linkList = pathsToLink;
      passAsFile = [ "pathList" ];
      preferLocalBuild = true;
      allowSubstitutes = false;
      buildCommand = ''
        dest="$out"${escapeShellArg extraPrefix}
        mkdir -p "$dest"
        for i in $(cat "$pathListPath"); do
          for p in $linkList; do
            if [ "$p" = / ]; then p=; fi
            if [ -d "$i$p" ]; then
              mkdir -p "$dest$p"
              for e in "$i$p"/* "$i$p"/.[!.]*; do
                if [ -e "$e" ] || [ -L "$e" ]; then cp -rsn "$e" "$dest$p/"; fi
              done
              chmod -R u+w "$dest"
            fi
          done
        done
        eval "$postBuild"
      '';
    };

  /**
    linkFarm name entries: a directory of symlinks, `entries` being an
    attribute set `{ <relative path> = <target>; }` or a list of
    `{ name, path }`.
  */
  linkFarm = name: entries:
    let
      list = if builtins.isList entries then entries
        else lib.mapAttrsToList (n: p: { name = n; path = p; }) entries;
    in
    runCommand name { preferLocalBuild = true; allowSubstitutes = false; } ''
      mkdir -p "$out"
      cd "$out"
      ${concatMapStringsSep "\n" (e: ''
        mkdir -p "$(dirname ${escapeShellArg e.name})"
        ln -s ${escapeShellArg (toString e.path)} ${escapeShellArg e.name}
      '') list}
    '';

  linkFarmFromDrvs = name: drvs:
    linkFarm name (map (d: { name = d.name; path = d; }) drvs);

  /**
    concatTextFile { name, files, executable ? false, destination ? "",
                     checkPhase ? "", meta ? { } }: the files' contents, one
    after another.
  */
  concatTextFile = { name, files, executable ? false, destination ? "", checkPhase ? "", meta ? { } }:
    mkDerivation {
      inherit name executable checkPhase meta;
      fileList = map toString files;
      passAsFile = [ "fileList" ];
      buildCommand = ''
        target=$out${escapeShellArg destination}
        if [ -n ${escapeShellArg destination} ]; then mkdir -p "$(dirname "$target")"; fi
        : > "$target"
        for f in $(cat "$fileListPath"); do cat "$f" >> "$target"; done
        if [ -n "$executable" ]; then chmod +x "$target"; fi
        eval "$checkPhase"
      '';
    };

  concatText = name: files: concatTextFile { inherit name files; };
  concatScript = name: files: concatTextFile { inherit name files; executable = true; };

in
{
  inherit runtimeShell mkDerivation runCommand runCommandLocal
    writeTextFile writeText writeTextDir writeScript writeScriptBin
    writeShellScript writeShellScriptBin writeShellApplication
    symlinkJoin buildEnv linkFarm linkFarmFromDrvs
    concatTextFile concatText concatScript;

  runCommandNoCC = runCommand;
  runCommandNoCCLocal = runCommandLocal;
  runCommandCC = runCommand;

  # Writers of JSON text.
  writeJSON = name: value: writeText name (builtins.toJSON value);

  # An empty directory and an empty file.
  emptyDirectory = runCommand "empty-directory" { } "mkdir -p \"$out\"";
  emptyFile = runCommand "empty-file" { } ": > \"$out\"";
}
