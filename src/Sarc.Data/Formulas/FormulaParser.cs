namespace Sarc.Data.Formulas;

/// <summary>
/// Recursive-descent parser for <see cref="Formula"/>. The right-hand side is evaluated as R's term algebra: every
/// sub-expression is a list of terms; <c>A + B</c> is the union, <c>A:B</c> every pairwise union (left operand
/// outer), <c>A*B</c> = <c>A + B + A:B</c>. Precedence as R: <c>:</c> binds tighter than <c>*</c>, which binds
/// tighter than <c>+</c>. Hostile input is bounded: parentheses nest at most <see cref="MaxNesting"/> deep (deeper
/// would exhaust the stack, which kills the process, a server too) and a formula has at most <see cref="MaxTerms"/>
/// terms (<c>a*b*c*...</c> doubles them with each factor).
/// </summary>
internal sealed class FormulaParser
{
    /// <summary>The deepest nesting of parentheses a formula may have.</summary>
    public const int MaxNesting = 100;

    /// <summary>The most terms a formula may expand to.</summary>
    public const int MaxTerms = 1000;

    private readonly string text;
    private readonly List<Token> tokens;
    private readonly List<FormulaVariable> variables = [];
    private readonly List<string> strata = [];
    private string? cluster;
    private int position;
    private int nesting;

    public FormulaParser(string text)
    {
        this.text = text;
        tokens = Tokenize(text);
    }

    private enum Kind
    {
        Name,
        Number,
        Minus,
        LeftParen,
        RightParen,
        Comma,
        Plus,
        Colon,
        Star,
        Tilde,
        End,
    }

    public Formula Parse()
    {
        var response = ParseResponse();
        Expect(Kind.Tilde, "'~'");
        var rhs = ParseSum(topLevel: true);
        if (Peek.Kind != Kind.End)
        {
            throw Unexpected(Peek);
        }
        var terms = rhs
            .Select((term, index) => (term, index))
            .OrderBy(x => x.term.Count)
            .ThenBy(x => x.index)
            .Select(x => new FormulaTerm(x.term.OrderBy(v => variables.IndexOf(v)).ToList()))
            .ToList();
        if (terms.Count == 0)
        {
            throw new DataInputException("formula: the model has no covariates on the right of '~'");
        }
        return new Formula(text, response, terms, strata, cluster);
    }

    private SurvivalResponse ParseResponse()
    {
        var name = Peek;
        if (name.Kind != Kind.Name || name.Text != "Surv")
        {
            throw new DataInputException(
                $"formula: expected 'Surv(time, event)' or 'Surv(start, stop, event)' at column {name.Column}");
        }
        position++;
        Expect(Kind.LeftParen, "'('");
        var arguments = new List<string> { ExpectName() };
        while (Peek.Kind == Kind.Comma)
        {
            position++;
            arguments.Add(ExpectName());
        }
        var close = Peek;
        Expect(Kind.RightParen, "')'");
        return arguments.Count switch
        {
            2 => new SurvivalResponse(null, arguments[0], arguments[1]),
            3 => new SurvivalResponse(arguments[0], arguments[1], arguments[2]),
            _ => throw new DataInputException(
                $"formula: Surv() takes (time, event) or (start, stop, event), found {arguments.Count} arguments at column {close.Column}"),
        };
    }

    private List<List<FormulaVariable>> ParseSum(bool topLevel)
    {
        var result = ParseProduct(topLevel);
        while (Peek.Kind == Kind.Plus)
        {
            position++;
            Union(result, ParseProduct(topLevel));
        }
        return result;
    }

    private List<List<FormulaVariable>> ParseProduct(bool topLevel)
    {
        var result = ParseInteraction(topLevel);
        while (Peek.Kind == Kind.Star)
        {
            position++;
            var right = ParseInteraction(topLevel: false);
            var cross = Cross(result, right);
            Union(result, right);
            Union(result, cross);
        }
        return result;
    }

    private List<List<FormulaVariable>> ParseInteraction(bool topLevel)
    {
        var result = ParseAtom(topLevel);
        while (Peek.Kind is Kind.Colon)
        {
            position++;
            result = Cross(result, ParseAtom(topLevel: false));
        }
        return result;
    }

    private List<List<FormulaVariable>> ParseAtom(bool topLevel)
    {
        var token = Peek;
        switch (token.Kind)
        {
            case Kind.LeftParen:
                if (++nesting > MaxNesting)
                {
                    throw new DataInputException($"formula: parentheses nested more than {MaxNesting} deep at column {token.Column}");
                }
                position++;
                var inner = ParseSum(topLevel: false);
                Expect(Kind.RightParen, "')'");
                nesting--;
                return inner;
            case Kind.Number when token.Text == "1":
                // An explicit intercept changes nothing in a Cox model (the baseline hazard absorbs it).
                position++;
                return [];
            case Kind.Name when Peek2.Kind == Kind.LeftParen:
                return ParseCall(topLevel);
            case Kind.Name:
                position++;
                return [[Variable(token.Text, asFactor: false)]];
            default:
                throw Unexpected(token);
        }
    }

    private List<List<FormulaVariable>> ParseCall(bool topLevel)
    {
        var function = Peek;
        position += 2;
        switch (function.Text)
        {
            case "factor":
            {
                var column = ExpectName();
                Expect(Kind.RightParen, "')'");
                return [[Variable(column, asFactor: true)]];
            }
            case "rcs":
            {
                var column = ExpectName();
                var spline = SplineSpec.WithCount(null);
                if (Peek.Kind == Kind.Comma)
                {
                    position++;
                    spline = ParseKnots();
                }
                Expect(Kind.RightParen, "')'");
                return [[Variable(column, asFactor: false, spline)]];
            }
            case "strata":
            case "cluster":
            {
                if (!topLevel || IsAfterOperator(function))
                {
                    throw new DataInputException(
                        $"formula: {function.Text}() cannot be part of an interaction at column {function.Column}");
                }
                var columns = new List<string> { ExpectName() };
                while (Peek.Kind == Kind.Comma)
                {
                    position++;
                    columns.Add(ExpectName());
                }
                Expect(Kind.RightParen, "')'");
                if (Peek.Kind is Kind.Colon or Kind.Star)
                {
                    throw new DataInputException(
                        $"formula: {function.Text}() cannot be part of an interaction at column {function.Column}");
                }
                if (function.Text == "strata")
                {
                    strata.AddRange(columns.Where(c => !strata.Contains(c)));
                }
                else
                {
                    if (columns.Count != 1)
                    {
                        throw new DataInputException($"formula: cluster() takes one column at column {function.Column}");
                    }
                    if (cluster is not null)
                    {
                        throw new DataInputException($"formula: a formula cannot have two cluster() terms (column {function.Column})");
                    }
                    cluster = columns[0];
                }
                return [];
            }
            default:
                throw new DataInputException(
                    $"formula: unsupported function '{function.Text}()' at column {function.Column} (supported: factor, rcs, strata, cluster)");
        }
    }

    /// <summary>The second argument of rcs(): a knot count (3 or more) or c(k1, k2, ...) with the knots.</summary>
    private SplineSpec ParseKnots()
    {
        var token = Peek;
        if (token.Kind == Kind.Number)
        {
            position++;
            if (!int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 3)
            {
                throw new DataInputException($"formula: rcs() needs a whole number of knots of at least 3, found '{token.Text}' at column {token.Column}");
            }
            return SplineSpec.WithCount(count);
        }
        if (token.Kind == Kind.Name && token.Text == "c" && Peek2.Kind == Kind.LeftParen)
        {
            position += 2;
            var knots = new List<double> { ExpectNumber() };
            while (Peek.Kind == Kind.Comma)
            {
                position++;
                knots.Add(ExpectNumber());
            }
            Expect(Kind.RightParen, "')'");
            return SplineSpec.WithKnots(knots);
        }
        throw token.Kind == Kind.End
            ? new DataInputException($"formula: expected the number of knots or c(k1, k2, ...) at column {token.Column} (end of formula)")
            : new DataInputException($"formula: rcs() takes the number of knots or c(k1, k2, ...), found '{token.Text}' at column {token.Column}");
    }

    private double ExpectNumber()
    {
        var negative = false;
        if (Peek.Kind == Kind.Minus)
        {
            negative = true;
            position++;
        }
        var token = Peek;
        if (token.Kind != Kind.Number)
        {
            throw token.Kind == Kind.End
                ? new DataInputException($"formula: expected a number at column {token.Column} (end of formula)")
                : new DataInputException($"formula: expected a number, found '{token.Text}' at column {token.Column}");
        }
        position++;
        var value = double.Parse(token.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    private bool IsAfterOperator(Token function)
    {
        var index = tokens.IndexOf(function);
        return index > 0 && tokens[index - 1].Kind is Kind.Colon or Kind.Star;
    }

    private FormulaVariable Variable(string column, bool asFactor, SplineSpec? spline = null)
    {
        var variable = new FormulaVariable(column, asFactor, spline);
        if (!variables.Contains(variable))
        {
            variables.Add(variable);
        }
        return variable;
    }

    private static List<List<FormulaVariable>> Cross(List<List<FormulaVariable>> left, List<List<FormulaVariable>> right)
    {
        if ((long)left.Count * right.Count > MaxTerms)
        {
            throw TooManyTerms();
        }
        var result = new List<List<FormulaVariable>>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                var term = a.ToList();
                term.AddRange(b.Where(v => !term.Contains(v)));
                Union(result, [term]);
            }
        }
        return result;
    }

    private static void Union(List<List<FormulaVariable>> into, List<List<FormulaVariable>> add)
    {
        foreach (var term in add)
        {
            if (!into.Any(t => t.Count == term.Count && t.All(term.Contains)))
            {
                into.Add(term);
            }
        }
        if (into.Count > MaxTerms)
        {
            throw TooManyTerms();
        }
    }

    private static DataInputException TooManyTerms() => new($"formula: more than {MaxTerms} terms");

    private Token Peek => tokens[position];

    private Token Peek2 => tokens[Math.Min(position + 1, tokens.Count - 1)];

    private void Expect(Kind kind, string what)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw token.Kind == Kind.End
                ? new DataInputException($"formula: expected {what} at column {token.Column} (end of formula)")
                : Unexpected(token);
        }
        position++;
    }

    private string ExpectName()
    {
        var token = Peek;
        if (token.Kind != Kind.Name)
        {
            throw token.Kind == Kind.End
                ? new DataInputException($"formula: expected a column name at column {token.Column} (end of formula)")
                : Unexpected(token);
        }
        position++;
        return token.Text;
    }

    private static DataInputException Unexpected(Token token) => token.Kind == Kind.End
        ? new DataInputException($"formula: unexpected end of formula at column {token.Column}")
        : new DataInputException($"formula: unexpected '{token.Text}' at column {token.Column}");

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            Kind? single = c switch
            {
                '(' => Kind.LeftParen,
                ')' => Kind.RightParen,
                ',' => Kind.Comma,
                '+' => Kind.Plus,
                ':' => Kind.Colon,
                '*' => Kind.Star,
                '~' => Kind.Tilde,
                '-' => Kind.Minus,
                _ => null,
            };
            if (single is { } kind)
            {
                tokens.Add(new Token(kind, c.ToString(), column));
                i++;
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new DataInputException($"formula: unterminated '`' at column {column}");
                }
                var quoted = text[(i + 1)..end];
                if (quoted.Any(char.IsControl))
                {
                    // A column name never holds a line break or tab, and an error quoting one would span lines.
                    throw new DataInputException($"formula: the name quoted at column {column} contains a line break or control character");
                }
                tokens.Add(new Token(Kind.Name, quoted, column));
                i = end + 1;
            }
            else if (char.IsDigit(c) || c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                // A number: only the knots of rcs() and the intercept 1 take one; elsewhere the parser refuses it.
                var start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    var exponent = i + 1;
                    if (exponent < text.Length && text[exponent] is '+' or '-')
                    {
                        exponent++;
                    }
                    if (exponent < text.Length && char.IsDigit(text[exponent]))
                    {
                        i = exponent;
                        while (i < text.Length && char.IsDigit(text[i]))
                        {
                            i++;
                        }
                    }
                }
                var number = text[start..i];
                if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    || i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                    {
                        i++;
                    }
                    throw new DataInputException($"formula: unexpected '{text[start..i]}' at column {column}");
                }
                tokens.Add(new Token(Kind.Number, number, column));
            }
            else if (char.IsLetter(c) || c is '.' or '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Name, text[start..i], column));
            }
            else
            {
                throw new DataInputException($"formula: unexpected '{c}' at column {column}");
            }
        }
        tokens.Add(new Token(Kind.End, "", text.Length + 1));
        return tokens;
    }

    private readonly record struct Token(Kind Kind, string Text, int Column);
}
