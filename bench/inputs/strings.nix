# String building: concatStrings/concatStringsSep over generated lines,
# interpolation in loops, replaceStrings (escaping), substring/stringLength
# (character-wise processing), toString of ints, string accumulation.
# Result: lengths and a short hash of the generated text.
let
  inherit (builtins)
    concatStringsSep foldl' genList hashString length replaceStrings
    stringLength substring;
  concatStrings = builtins.concatStringsSep "";
  str = toString;

  # 1. Render a big "shell script" from records, with interpolation.
  services = genList (i: {
    name = "svc-${str i}";
    port = 8000 + i;
    user = "user${str (i - i / 7 * 7)}";
    args = genList (j: "--flag-${str j}=${str (i * j)}") 6;
  }) 10000;
  render = s: ''
    # service ${s.name}
    echo "starting ${s.name} on port ${str s.port} as ${s.user}"
    exec /run/bin/${s.name} ${concatStringsSep " " s.args} --listen 0.0.0.0:${str s.port}
  '';
  script = concatStrings (map render services);

  # 2. Escaping with replaceStrings, like lib.escapeShellArg / escapeXML.
  escapeShellArg = arg: "'${replaceStrings [ "'" ] [ "'\\''" ] (toString arg)}'";
  escapeXML = replaceStrings [ "\"" "'" "<" ">" "&" ] [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];
  xml = concatStrings (genList (i:
    "<item id=\"${str i}\">${escapeXML "a<b> & 'c' \"${str i}\""}</item>\n") 8000);
  shellArgs = concatStringsSep " " (genList (i: escapeShellArg "it's arg ${str i}") 8000);
  rewritten = replaceStrings [ "svc-" "port" "exec" ] [ "service_" "PORT" "run" ] script;

  # 3. Character-wise processing with substring, like lib.stringToCharacters.
  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);
  upper = replaceStrings
    [ "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n" "o" "p" "q" "r" "s" "t" "u" "v" "w" "x" "y" "z" ]
    [ "A" "B" "C" "D" "E" "F" "G" "H" "I" "J" "K" "L" "M" "N" "O" "P" "Q" "R" "S" "T" "U" "V" "W" "X" "Y" "Z" ];
  sample = substring 0 100000 script;
  chars = stringToCharacters sample;
  vowels = foldl' (n: c: if c == "a" || c == "e" || c == "i" || c == "o" || c == "u" then n + 1 else n) 0 chars;
  reversed = concatStrings (genList (p: substring (stringLength sample - p - 1) 1 sample) (stringLength sample));

  # 4. Accumulating a string in a fold (quadratic copying, as naive code does).
  accumulated = foldl' (acc: i: acc + "${str i},") "" (genList (i: i) 8000);

  # 5. Splitting on a separator without regexes: find every newline.
  lineStarts = foldl' (acc: p: if substring p 1 sample == "\n" then acc ++ [ p ] else acc) [ ] (genList (p: p) 50000);
in
{
  scriptLength = stringLength script;
  xmlLength = stringLength xml;
  shellArgsLength = stringLength shellArgs;
  rewrittenHash = substring 0 16 (hashString "sha256" rewritten);
  upperHash = substring 0 16 (hashString "sha256" (upper sample));
  inherit vowels;
  reversedHead = substring 0 20 reversed;
  accumulatedLength = stringLength accumulated;
  lines = length lineStarts;
}
