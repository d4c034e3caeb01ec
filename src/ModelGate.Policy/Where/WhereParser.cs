namespace ModelGate.Policy.Where;

/// <summary>
/// Recursive-descent parser for the <c>where</c> language:
/// <c>or := and ('or' and)*; and := unary ('and' unary)*; unary := 'not' unary | '(' or ')' | predicate</c>.
/// </summary>
internal sealed class WhereParser
{
    private readonly IReadOnlyList<WhereToken> _tokens;
    private int _next;

    private WhereParser(IReadOnlyList<WhereToken> tokens) => _tokens = tokens;

    private WhereToken Current => _tokens[_next];

    /// <summary>Parses an expression or throws <see cref="WhereSyntaxException"/> with the offset of the problem.</summary>
    public static WhereNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new WhereParser(WhereLexer.Tokenize(text));
        if (parser.Current.Kind == WhereTokenKind.End)
        {
            throw new WhereSyntaxException("the expression is empty; write a condition such as \"checks >= 3\"", 0);
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != WhereTokenKind.End)
        {
            throw new WhereSyntaxException($"unexpected '{parser.Current.Text}'; join conditions with 'and' or 'or'", parser.Current.Offset);
        }

        return node;
    }

    private WhereNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            _next++;
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private WhereNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsKeyword("and"))
        {
            _next++;
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private WhereNode ParseUnary()
    {
        if (IsKeyword("not"))
        {
            _next++;
            return new NotNode(ParseUnary());
        }

        if (Is(WhereTokenKind.Punctuation, "("))
        {
            _next++;
            var inner = ParseOr();
            Expect(")", "add the closing ')'");
            return inner;
        }

        return ParsePredicate();
    }

    private WhereNode ParsePredicate()
    {
        var start = Current;
        var left = ParseOperand();
        if (IsKeyword("is"))
        {
            _next++;
            var negated = TakeKeyword("not");
            if (!TakeKeyword("missing"))
            {
                throw new WhereSyntaxException($"expected 'missing' after '{(negated ? "is not" : "is")}'", Current.Offset);
            }

            return new IsMissingNode(AsColumn(left, start), negated);
        }

        if (IsKeyword("in") || (IsKeyword("not") && _tokens[_next + 1] is { Kind: WhereTokenKind.Keyword, Text: "in" }))
        {
            var negated = TakeKeyword("not");
            _next++;
            return new InListNode(AsColumn(left, start), ParseList(), negated);
        }

        if (Current.Kind != WhereTokenKind.Comparison)
        {
            var found = Current.Kind == WhereTokenKind.End ? "the end of the expression" : $"'{Current.Text}'";
            throw new WhereSyntaxException($"expected a comparison (==, !=, <, <=, >, >=), 'in', or 'is missing' after {start.Text}, found {found}", Current.Offset);
        }

        var op = Current.Text;
        _next++;
        var rightToken = Current;
        var right = ParseOperand();
        if (left is not ColumnOperand && right is not ColumnOperand)
        {
            throw new WhereSyntaxException("a comparison needs a column on at least one side", start.Offset);
        }

        if (left is TextOperand or NumberOperand && right is TextOperand or NumberOperand)
        {
            throw new WhereSyntaxException("a comparison needs a column on at least one side", rightToken.Offset);
        }

        return new ComparisonNode(left, op, right);
    }

    private List<Operand> ParseList()
    {
        Expect("[", "write the values as a list: in ['a', 'b']");
        var values = new List<Operand>();
        while (true)
        {
            var token = Current;
            var value = ParseOperand();
            if (value is ColumnOperand)
            {
                throw new WhereSyntaxException($"list values must be numbers or 'quoted' text; put {token.Text} in quotes if it is text", token.Offset);
            }

            if (values.Count > 0 && values[0].GetType() != value.GetType())
            {
                throw new WhereSyntaxException("a list mixes numbers and text; use one kind", token.Offset);
            }

            values.Add(value);
            if (Is(WhereTokenKind.Punctuation, ","))
            {
                _next++;
                continue;
            }

            Expect("]", "close the list with ']' or separate values with ','");
            return values;
        }
    }

    private Operand ParseOperand()
    {
        var token = Current;
        Operand operand = token.Kind switch
        {
            WhereTokenKind.Identifier => new ColumnOperand(token.Text, token.Offset),
            WhereTokenKind.Number => new NumberOperand(token.Number),
            WhereTokenKind.Text => new TextOperand(token.Text),
            WhereTokenKind.End => throw new WhereSyntaxException("the expression ends too early; expected a column, a number or a 'quoted' value", token.Offset),
            WhereTokenKind.Keyword => throw new WhereSyntaxException($"'{token.Text}' is a keyword; write a column named {token.Text} as `{token.Text}`", token.Offset),
            _ => throw new WhereSyntaxException($"expected a column, a number or a 'quoted' value, found '{token.Text}'", token.Offset),
        };
        _next++;
        return operand;
    }

    private static ColumnOperand AsColumn(Operand operand, WhereToken token) =>
        operand as ColumnOperand ?? throw new WhereSyntaxException("only a column can be tested with 'in' or 'is missing'; put a column name here", token.Offset);

    private void Expect(string punctuation, string fix)
    {
        if (!Is(WhereTokenKind.Punctuation, punctuation))
        {
            var found = Current.Kind == WhereTokenKind.End ? "the end of the expression" : $"'{Current.Text}'";
            throw new WhereSyntaxException($"expected '{punctuation}', found {found}; {fix}", Current.Offset);
        }

        _next++;
    }

    private bool TakeKeyword(string word)
    {
        if (!IsKeyword(word))
        {
            return false;
        }

        _next++;
        return true;
    }

    private bool IsKeyword(string word) => Is(WhereTokenKind.Keyword, word);

    private bool Is(WhereTokenKind kind, string text) => Current.Kind == kind && Current.Text == text;
}
