package io.cachegen.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.cachegen.processor.base.AnnotationNames;
import io.cachegen.processor.base.Annotations;
import io.cachegen.processor.base.Messages;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports our annotations on methods of local and anonymous classes (and of classes nested in
 * them), which {@code RoundEnvironment} never returns, so the processor would otherwise generate
 * nothing and say nothing ({@code [CacheGenLocalClass]}).
 *
 * <p>Those classes are not entered as elements while processors run, so this reads javac's syntax
 * trees ({@link Trees}): it walks each root type once and matches annotation names the way the
 * compilation unit spells them, as {@code io.cachegen.annotations.Cached} or as {@code Cached} with
 * an import of that type or of {@code io.cachegen.annotations.*}. Compilers without the {@code
 * Trees} API (Eclipse's) skip the check: the annotations are then ignored there, as before.
 */
public final class LocalClassChecker {
  private static final String PACKAGE = "io.cachegen.annotations";

  private final Trees trees;

  private LocalClassChecker(Trees trees) {
    this.trees = trees;
  }

  /** A checker for javac, or {@code null} when the compiler offers no syntax trees. */
  public static LocalClassChecker create(ProcessingEnvironment env) {
    try {
      return new LocalClassChecker(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /** Reports every annotated method of a local or anonymous class inside {@code type}. */
  public void check(TypeElement type) {
    TreePath path = trees.getPath(type);
    if (path == null) {
      return; // not from source
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    new Scanner(unit).scan(path.getLeaf(), null);
  }

  /** Walks one root type; {@code depth > 0} inside code, where every class is local. */
  private final class Scanner extends TreeScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final Set<String> importedSimpleNames = new HashSet<>();
    private int depth;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
      boolean samePackage =
          unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE);
      for (String annotation : AnnotationNames.ALL) {
        String simple = Annotations.simpleName(annotation);
        if (samePackage) {
          importedSimpleNames.add(simple);
        }
        for (ImportTree i : unit.getImports()) {
          String imported = i.getQualifiedIdentifier().toString();
          if (!i.isStatic() && (imported.equals(annotation) || imported.equals(PACKAGE + ".*"))) {
            importedSimpleNames.add(simple);
          }
        }
      }
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      if (depth > 0) {
        for (Tree member : node.getMembers()) {
          if (member instanceof MethodTree m) {
            report(node, m);
          }
        }
      }
      return super.visitClass(node, unused);
    }

    private void report(ClassTree owner, MethodTree method) {
      for (AnnotationTree a : method.getModifiers().getAnnotations()) {
        String name = ours(a.getAnnotationType().toString());
        if (name != null) {
          String where =
              owner.getSimpleName().length() == 0
                  ? "an anonymous class"
                  : "local class " + owner.getSimpleName();
          trees.printMessage(
              Diagnostic.Kind.ERROR, Messages.LOCAL_CLASS.format(name, where), a, unit);
          return;
        }
      }
    }

    /** The simple name of our annotation that {@code written} names, else {@code null}. */
    private String ours(String written) {
      for (String annotation : AnnotationNames.ALL) {
        String simple = Annotations.simpleName(annotation);
        if (written.equals(annotation)
            || (written.equals(simple) && importedSimpleNames.contains(simple))) {
          return simple;
        }
      }
      return null;
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
      return inCode(() -> super.visitMethod(node, unused));
    }

    @Override
    public Void visitBlock(BlockTree node, Void unused) {
      return inCode(() -> super.visitBlock(node, unused));
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      return inCode(() -> super.visitVariable(node, unused));
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      return inCode(() -> super.visitLambdaExpression(node, unused));
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      return inCode(() -> super.visitNewClass(node, unused));
    }

    private Void inCode(Supplier<Void> scan) {
      depth++;
      try {
        return scan.get();
      } finally {
        depth--;
      }
    }
  }
}
